package dev.attest.catalog;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.OscalSamples;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OSCAL catalogs and profiles imported through the API as frameworks, in JSON and XML, and every kind
 * of bad document refused with a 400 naming the place and the rule, with nothing imported.
 */
@AttestTest
class OscalImportTest {

    @LocalServerPort
    int port;

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private Http.Response upload(String id, Map<String, byte[]> files) {
        return api().postFiles("/api/v1/frameworks/import", Map.of("id", id), files);
    }

    private static Map<String, byte[]> files(Object... nameThenBytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            files.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return files;
    }

    private List<JsonNode> requirements(String id) {
        Http.Response response = api().get("/api/v1/frameworks/" + id + "/requirements");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().forEach(list::add);
        return list;
    }

    @Test
    void aCatalogOfVariedStructureImportsAlikeFromJsonAndXml() {
        String s = suffix();
        var groups = OscalSamples.variedGroups("x");
        Http.Response json = upload("vj-" + s, files("varied.json", OscalSamples.catalogJson("Varied " + s, groups)));
        assertThat(json.status()).as(json.body()).isEqualTo(201);
        assertThat(json.json().get("requirements").asInt()).isEqualTo(6);
        assertThat(json.json().get("withdrawnSkipped").asInt()).isEqualTo(2);
        Http.Response xml = upload("vx-" + s, files("varied.xml", OscalSamples.catalogXml("Varied " + s, groups)));
        assertThat(xml.status()).as(xml.body()).isEqualTo(201);

        List<JsonNode> fromJson = requirements("vj-" + s);
        List<JsonNode> fromXml = requirements("vx-" + s);
        assertThat(fromJson).extracting(r -> r.get("ref").asString())
                .containsExactly("x-a", "x-1", "x-2", "x-2.1", "x-b", "x-sub", "xn-1", "xn-1.1", "x-c", "xc-1");
        for (int i = 0; i < fromJson.size(); i++) {
            for (String field : List.of("ref", "title", "parent", "group", "summary", "citation")) {
                assertThat(fromXml.get(i).get(field)).as(field + " of " + fromJson.get(i).get("ref")).isEqualTo(fromJson.get(i).get(field));
            }
        }
        JsonNode enhancement = api().get("/api/v1/frameworks/vx-" + s + "/requirements/X-2(1)").json();
        assertThat(enhancement.get("ref").asString()).isEqualTo("x-2.1");
        assertThat(enhancement.get("parent").asString()).isEqualTo("x-2");
        assertThat(enhancement.get("summary").asString())
                .contains("a. Review the accounts [Assignment: organization-defined frequency].")
                .contains("b. Rotate keys every 90 days and report [Selection (one or more): daily; weekly].");
        assertThat(fromXml.get(5).get("parent").asString()).as("the nested group sits under its family").isEqualTo("x-b");
        assertThat(fromXml.get(7).get("parent").asString()).as("an enhancement sits under its control").isEqualTo("xn-1");

        // adopted like any other framework
        assertThat(api().putJson("/api/v1/adoptions/vj-" + s, "{}").status()).isEqualTo(200);
        boolean listed = false;
        for (JsonNode readiness : api().get("/api/v1/readiness").json()) {
            listed |= readiness.get("framework").asString().equals("vj-" + s);
        }
        assertThat(listed).isTrue();
        assertThat(api().delete("/api/v1/adoptions/vj-" + s).status()).isEqualTo(204);
    }

    @Test
    void aProfileSelectsFromTheCatalogUploadedWithItAndSetsParameters() {
        String s = suffix();
        byte[] catalog = OscalSamples.catalogJson("Base " + s, OscalSamples.variedGroups("p"));
        byte[] profile = OscalSamples.profileJson("Baseline " + s, List.of("base-catalog.xml"),
                List.of(List.of("p-2", "p-2.1", "pc-1")), "p-2_prm_1", "every 30 days");
        Http.Response response = upload("pr-" + s, files("base-catalog.json", catalog, "baseline.json", profile));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        List<JsonNode> requirements = requirements("pr-" + s);
        assertThat(requirements).extracting(r -> r.get("ref").asString()).containsExactly("p-a", "p-2", "p-2.1", "p-c", "pc-1");
        assertThat(requirements.get(1).get("summary").asString()).contains("Review the accounts every 30 days.");
        assertThat(api().get("/api/v1/frameworks/pr-" + s).json().get("name").asString()).isEqualTo("Baseline " + s);
    }

    @Test
    void theShippedModerateBaselineImportsWithEveryControlMappedOrExplained() {
        String id = "m53-" + suffix();
        Http.Response response = api().postJson("/api/v1/frameworks/import", "{\"shipped\":\"nist-800-53-moderate\",\"id\":\"" + id + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("requirements").asInt()).isEqualTo(287);
        List<JsonNode> requirements = requirements(id);
        assertThat(requirements.stream().filter(r -> r.get("group").asBoolean())).hasSize(18); // the baselines leave out the PM and PT families
        for (JsonNode r : requirements) {
            if (!r.get("group").asBoolean()) {
                assertThat(!r.get("controls").isEmpty() || !r.get("noControlReason").isNull())
                        .as(r.get("ref").asString() + " is mapped or explained").isTrue();
            }
        }
        JsonNode ac21 = api().get("/api/v1/frameworks/" + id + "/requirements/AC-2(1)").json();
        assertThat(ac21.get("ref").asString()).isEqualTo("ac-2.1");
        assertThat(ac21.get("title").asString()).isEqualTo("Automated System Account Management");
        JsonNode ac2 = api().get("/api/v1/frameworks/" + id + "/requirements/ac-2").json();
        assertThat(ac2.get("controls")).extracting(JsonNode::asString).contains("AC-02");
        // the control page now lists the 800-53 requirement among those AC-02 serves
        assertThat(api().get("/api/v1/controls/AC-02").body()).contains(id);
    }

    @Test
    void documentsThatAreNotOscalAreRefusedNamingWhere() {
        String id = "bad-" + suffix();
        Http.Response notOscalJson = upload(id, files("data.json", "{\"servers\":[1,2]}".getBytes(StandardCharsets.UTF_8)));
        assertRefused(notOscalJson, "data.json#/", "not an OSCAL document", "oscal-root");
        Http.Response notOscalXml = upload(id, files("pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>".getBytes(StandardCharsets.UTF_8)));
        assertRefused(notOscalXml, "pom.xml:/project", "not an OSCAL document", "oscal-root");
        Http.Response neither = upload(id, files("notes.txt", "just text".getBytes(StandardCharsets.UTF_8)));
        assertRefused(neither, "notes.txt", "neither", "format");
        assertThat(api().get("/api/v1/frameworks/" + id).status()).isEqualTo(404);
    }

    @Test
    void anInvalidCatalogIsRefusedWithThePathAndTheSchemaRule() {
        String id = "inv-" + suffix();
        String json = new String(OscalSamples.catalogJson("Invalid", OscalSamples.variedGroups("i")), StandardCharsets.UTF_8)
                .replaceFirst("\"title\":\"Family A\"", "\"title\":\"Family A\",\"colour\":\"red\"");
        Http.Response response = upload(id, files("invalid.json", json.getBytes(StandardCharsets.UTF_8)));
        assertRefused(response, "invalid.json#/catalog/groups/0", "OSCAL 1.1.3 catalog JSON schema", "additionalProperties");

        String xml = new String(OscalSamples.catalogXml("Invalid", OscalSamples.variedGroups("i")), StandardCharsets.UTF_8)
                .replaceFirst("<title>Family A</title>", "<title>Family A</title><colour>red</colour>");
        Http.Response xmlResponse = upload(id, files("invalid.xml", xml.getBytes(StandardCharsets.UTF_8)));
        assertRefused(xmlResponse, "invalid.xml:/catalog[1]/group[1]", "OSCAL 1.1.3 catalog XML schema", "cvc-complex-type");
        assertThat(api().get("/api/v1/frameworks/" + id).status()).isEqualTo(404);
    }

    @Test
    void theStreamingSchemaCheckNamesTheControlAndTheRuleDeepInACatalog() {
        String id = "deep-" + suffix();
        String json = new String(OscalSamples.catalogJson("Deep", OscalSamples.variedGroups("d")), StandardCharsets.UTF_8);
        // an enhancement's id that is not a token
        String badId = json.replace("\"id\":\"d-2.1\"", "\"id\":\"d 2.1\"");
        assertRefused(upload(id, files("bad-id.json", badId.getBytes(StandardCharsets.UTF_8))),
                "bad-id.json#/catalog/groups/0/controls/1/controls/0/id", "OSCAL 1.1.3 catalog JSON schema", "pattern");
        // a control without its required title
        String untitled = json.replace("\"id\":\"dc-1\",\"class\":\"SP800-53\",\"title\":\"Boundary\"", "\"id\":\"dc-1\",\"class\":\"SP800-53\"");
        assertRefused(upload(id, files("untitled.json", untitled.getBytes(StandardCharsets.UTF_8))),
                "untitled.json#/catalog/groups/2/controls/0", "title", "required");
        // a group that holds both groups and controls
        String both = json.replace("\"title\":\"Family B\"", "\"title\":\"Family B\",\"controls\":[{\"id\":\"db-9\",\"title\":\"Loose\"}]");
        assertRefused(upload(id, files("both.json", both.getBytes(StandardCharsets.UTF_8))),
                "both.json#/catalog/groups/1", "either groups or controls", "anyOf");
        // a $schema beside the catalog is allowed, as the schema says
        String withSchema = json.replaceFirst("^\\{", "{\"\\$schema\":\"https://example.com/oscal-catalog.json\",");
        Http.Response accepted = upload(id, files("schema.json", withSchema.getBytes(StandardCharsets.UTF_8)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void profilesThatCannotBeResolvedAreRefusedAndNothingIsImported() {
        String id = "pbad-" + suffix();
        byte[] catalog = OscalSamples.catalogJson("Base", OscalSamples.variedGroups("q"));

        byte[] missing = OscalSamples.profileJson("Missing", List.of("https://example.com/other-catalog.json"), List.of(List.of("q-1")), null, null);
        assertRefused(upload(id, files("base.json", catalog, "missing.json", missing)), "missing.json#/profile/imports/0/href",
                "other-catalog.json, which is neither uploaded", "missing-import");

        byte[] twice = OscalSamples.profileJson("Twice", List.of("base.json"), List.of(List.of("q-1", "q-2", "q-1")), null, null);
        assertRefused(upload(id, files("base.json", catalog, "twice.json", twice)),
                "twice.json#/profile/imports/0/include-controls/0/with-ids/2", "control 'q-1' is selected twice", "control-selected-twice");

        byte[] first = OscalSamples.profileJson("First", List.of("second.json"), List.of(Arrays.asList((String) null).subList(0, 0)), null, null);
        byte[] firstAll = new String(first, StandardCharsets.UTF_8).replace("\"include-controls\":[{\"with-ids\":[]}]", "\"include-all\":{}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] second = new String(firstAll, StandardCharsets.UTF_8).replace("second.json", "first.json").getBytes(StandardCharsets.UTF_8);
        Http.Response circular = upload(id, files("base.json", catalog, "first.json", firstAll, "second.json", second));
        assertRefused(circular, "/profile/imports/0/href", "circular profile import", "circular-import");
        assertThat(circular.body()).contains("first.json -> second.json -> first.json");

        assertThat(api().get("/api/v1/frameworks/" + id).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/frameworks").body()).doesNotContain(id);
    }

    @Test
    void aCatalogOfTenThousandControlsImportsWhole() {
        String id = "big-" + suffix();
        Http.Response response = upload(id, files("big.json", OscalSamples.catalogJson("Big", OscalSamples.manyControls(10_000))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("requirements").asInt()).isEqualTo(10_000);
        assertThat(requirements(id)).hasSize(10_000 + OscalSamples.manyControls(10_000).size());
    }

    @Test
    void theImportNeedsAnAdminAndAFreeId() {
        Http.Response taken = upload("soc2", files("c.json", OscalSamples.catalogJson("C", OscalSamples.variedGroups("t"))));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("errors").toString()).contains("id").contains("already exists");
        Http.Response badId = upload("Not An Id", files("c.json", OscalSamples.catalogJson("C", OscalSamples.variedGroups("t"))));
        assertThat(badId.status()).isEqualTo(400);
    }

    private static void assertRefused(Http.Response response, String path, String message, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.body()).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).as(response.body()).contains(path);
        assertThat(errors.get(0).get("message").asString()).as(response.body()).contains(message).contains("rule: " + rule);
    }
}
