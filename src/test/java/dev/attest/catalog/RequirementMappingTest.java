package dev.attest.catalog;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import dev.attest.support.OscalSamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin maps the requirements of an uploaded OSCAL framework to the control library, through the
 * API and the mapping page; the unmapped ones are listed, and bad mappings are refused naming the field.
 */
@AttestTest
class RequirementMappingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private String imported() {
        String id = "map-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response response = api().postFiles("/api/v1/frameworks/import", Map.of("id", id),
                Map.of("varied.json", OscalSamples.catalogJson("Mapped " + id, OscalSamples.variedGroups("m"))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }

    private List<String> unmapped(String id) {
        Http.Response response = api().get("/api/v1/frameworks/" + id + "/unmapped");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> refs = new ArrayList<>();
        response.json().forEach(r -> refs.add(r.get("ref").asString()));
        return refs;
    }

    @Test
    void anUploadedFrameworkStartsUnmappedAndIsMappedThroughTheApi() {
        String id = imported();
        assertThat(unmapped(id)).containsExactly("m-1", "m-2", "m-2.1", "mn-1", "mn-1.1", "mc-1");

        Http.Response mapped = api().putJson("/api/v1/frameworks/" + id + "/requirements/m-2/mapping", "{\"controls\":[\"AC-02\",\"AC-01\"]}");
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        assertThat(mapped.json().get("controls").toString()).isEqualTo("[\"AC-02\",\"AC-01\"]");
        Http.Response reasoned = api().putJson("/api/v1/frameworks/" + id + "/requirements/mc-1/mapping",
                "{\"controls\":[],\"noControlReason\":\"Met by the hosting provider's boundary\"}");
        assertThat(reasoned.status()).as(reasoned.body()).isEqualTo(200);

        assertThat(unmapped(id)).containsExactly("m-1", "m-2.1", "mn-1", "mn-1.1");
        JsonNode requirement = api().get("/api/v1/frameworks/" + id + "/requirements/m-2").json();
        assertThat(requirement.get("controls").toString()).isEqualTo("[\"AC-02\",\"AC-01\"]");
        assertThat(api().get("/api/v1/frameworks/" + id + "/requirements/mc-1").json().get("noControlReason").asString())
                .isEqualTo("Met by the hosting provider's boundary");
        // the control now serves the imported requirement, and the mapping survives a reload from the database
        assertThat(api().get("/api/v1/controls/AC-02").body()).contains(id);
        assertThat(jdbc.sql("select controls from oscal_requirement where framework_id = ? and ref = 'm-2'").param(id).query(String.class).single())
                .isEqualTo("AC-02,AC-01");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'catalog.requirement-mapped' and target = ?")
                .param("requirement:" + id + "/m-2").query(Long.class).single()).isEqualTo(1);

        // an empty mapping puts it back among the unmapped
        assertThat(api().putJson("/api/v1/frameworks/" + id + "/requirements/m-2/mapping", "{\"controls\":[]}").status()).isEqualTo(200);
        assertThat(unmapped(id)).contains("m-2");
    }

    @Test
    void badMappingsAreRefusedNamingTheFieldAndChangeNothing() {
        String id = imported();
        String path = "/api/v1/frameworks/" + id + "/requirements/m-1/mapping";
        assertField(api().putJson(path, "{\"controls\":[\"AC-02\",\"ZZ-99\"]}"), "controls", "ZZ-99");
        assertField(api().putJson(path, "{\"controls\":[\"AC-02\"],\"noControlReason\":\"both\"}"), "noControlReason", "only when no control");
        assertField(api().putJson(path, "{\"noControlReason\":\"x\"}"), "controls", "is required");
        assertField(api().putJson(path, "{\"controls\":[],\"noControlReason\":\"" + "x".repeat(1001) + "\"}"), "noControlReason", "1000");
        assertField(api().putJson("/api/v1/frameworks/" + id + "/requirements/m-a/mapping", "{\"controls\":[\"AC-02\"]}"), "ref", "heading");
        assertField(api().putJson("/api/v1/frameworks/soc2/requirements/CC6.1/mapping", "{\"controls\":[\"AC-02\"]}"), "framework", "ships with Attest");
        assertThat(api().putJson("/api/v1/frameworks/" + id + "/requirements/nope/mapping", "{\"controls\":[]}").status()).isEqualTo(404);
        assertThat(api().putJson("/api/v1/frameworks/nope-" + id + "/requirements/m-1/mapping", "{\"controls\":[]}").status()).isEqualTo(404);
        assertThat(unmapped(id)).contains("m-1");
    }

    @Test
    void onlyAnAdminMapsRequirements() {
        String id = imported();
        ExtraAccounts.Account owner = ExtraAccounts.inDefaultWorkspace(jdbc, "control_owner");
        Http.Response refused = Http.withToken(port, owner.token())
                .putJson("/api/v1/frameworks/" + id + "/requirements/m-1/mapping", "{\"controls\":[\"AC-02\"]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(unmapped(id)).contains("m-1");
    }

    @Test
    void theMappingPageShowsTheUnmappedRequirementsAndSavesAMappingWithFieldErrors() {
        String id = imported();
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        String page = "/catalog/frameworks/" + id + "/mapping";
        Http.Response shown = admin.get(page);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("data-ref=\"m-1\"").contains("data-ref=\"mc-1\"").contains("Catalog</a>")
                .contains("<strong data-testid=\"unmapped-count\">6</strong>");
        assertThat(admin.get("/frameworks/" + id).body()).contains(page);

        Http.Response refused = admin.postForm(page, page, Map.of("ref", "m-1", "controls", "AC-02, QQ-01"), Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"controls\"").contains("not controls of the library: QQ-01")
                .contains("value=\"AC-02, QQ-01\"");
        assertThat(unmapped(id)).contains("m-1");

        Http.Response saved = admin.postForm(page, page, Map.of("ref", "m-1", "controls", "ac-02 AC-03", "show", "unmapped"), Map.of());
        assertThat(saved.status()).isEqualTo(302);
        Http.Response after = admin.get(saved.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(after.body()).contains("Saved the mapping of m-1.").doesNotContain("data-ref=\"m-1\"")
                .contains("<strong data-testid=\"unmapped-count\">5</strong>");
        assertThat(api().get("/api/v1/frameworks/" + id + "/requirements/m-1").json().get("controls").toString())
                .isEqualTo("[\"AC-02\",\"AC-03\"]");
        assertThat(admin.get("/catalog/frameworks/soc2/mapping").status()).isEqualTo(404);
    }

    private static void assertField(Http.Response response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode errors = response.json().get("errors");
        boolean found = false;
        for (JsonNode error : errors) {
            found |= error.get("field").asString().equals(field) && error.get("message").asString().contains(message);
        }
        assertThat(found).as(response.body()).isTrue();
    }
}
