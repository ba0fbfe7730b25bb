package dev.attest.policies;

import dev.attest.catalog.Catalog;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.ObligationSource;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Policies through the API: templates, the version lifecycle, immutability, comparison and the resources offered to checks. */
@AttestTest
class PoliciesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    List<ResourceSource> sources;

    @Autowired
    List<ObligationSource> obligationSources;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    // These tests play author and approver alike; the four-eyes rule is tested in PolicyApprovalTest.
    @org.junit.jupiter.api.BeforeEach
    void selfApprovalAllowed() {
        api().putJson("/api/v1/policies/settings", "{\"separate_approver\":\"false\"}");
    }

    @Test
    void twentyTemplatesEachLinkedToRealControlsAndUsingPlaceholders() {
        JsonNode templates = api().get("/api/v1/policies/templates").json();

        assertThat(templates.size()).isGreaterThanOrEqualTo(20);
        List<String> titles = templates.valueStream().map(t -> t.get("title").asString()).toList();
        assertThat(titles).contains("Acceptable Use Policy", "Asset Management Policy", "Backup Policy", "Business Continuity Policy",
                "Code of Conduct", "Data Classification Policy", "Data Deletion and Retention Policy", "Data Protection Policy",
                "Disaster Recovery Policy", "Encryption Policy", "Incident Response Policy", "Information Security Policy",
                "Password and Authentication Policy", "Physical Security Policy", "Responsible Disclosure Policy",
                "Risk Assessment Policy", "Software Development Lifecycle Policy", "System Access Control Policy",
                "Vendor Management Policy", "Vulnerability Management Policy");
        for (JsonNode t : templates) {
            String body = t.get("body").asString();
            assertThat(body.split("\\s+").length).as(t.get("key").asString()).isGreaterThan(200);
            assertThat(body).contains("{{company_name}}");
            assertThat(t.get("controls").size()).isPositive();
            t.get("controls").forEach(c -> assertThat(catalog.control(c.asString())).as(c.asString()).isPresent());
        }
    }

    @Test
    void aPolicyFromATemplateIsFilledFromTheWorkspaceSettings() {
        String company = "Acme " + UUID.randomUUID().toString().substring(0, 8);
        Http.Response saved = api().putJson("/api/v1/policies/settings",
                "{\"company_name\":\"" + company + "\",\"security_contact\":\"sec@acme.test\"}");
        assertThat(saved.status()).isEqualTo(200);

        JsonNode created = api().postJson("/api/v1/policies", "{\"template\":\"acceptable-use\",\"owner\":\"admin@localhost\"}").json();
        JsonNode v1 = api().get("/api/v1/policies/" + created.get("id").asString() + "/versions/1").json();

        assertThat(created.get("title").asString()).isEqualTo("Acceptable Use Policy");
        assertThat(created.get("controls").valueStream().map(JsonNode::asString).toList()).contains("AM-04", "PS-09");
        assertThat(created.get("open").get("status").asString()).isEqualTo("draft");
        assertThat(v1.get("body").asString()).contains(company, "sec@acme.test").doesNotContain("{{company_name}}", "{{security_contact}}");
    }

    @Test
    void aDraftGoesThroughReviewApprovalAndPublicationAndThenNeverChanges() {
        String id = createDraft();
        String base = "/api/v1/policies/" + id + "/versions/1";

        assertThat(api().postJson(base + "/approve", "").status()).as("approve a draft").isEqualTo(409);
        assertThat(api().postJson(base + "/submit", "").json().get("status").asString()).isEqualTo("in_review");
        JsonNode approved = api().postJson(base + "/approve", "").json();
        assertThat(approved.get("approvedBy").asString()).isEqualTo("admin@localhost (token)");
        assertThat(approved.get("approvedAt").isNull()).isFalse();
        assertThat(api().postJson(base + "/publish", "").json().get("status").asString()).isEqualTo("published");

        JsonNode policy = api().get("/api/v1/policies/" + id).json();
        assertThat(policy.get("current").get("number").asInt()).isEqualTo(1);
        assertThat(policy.get("reviewDue").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());
        assertThat(policy.get("review").asString()).isEqualTo("current");

        Http.Response edit = api().putJson(base, "{\"body\":\"# Changed after publication\"}");
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.json().get("detail").asString()).contains("published and can never change");
        assertThat(api().get(base).json().get("body").asString()).doesNotContain("Changed after publication");

        JsonNode draft = api().postJson("/api/v1/policies/" + id + "/versions", "").json();
        assertThat(draft.get("number").asInt()).isEqualTo(2);
        assertThat(draft.get("body").asString()).isEqualTo(api().get(base).json().get("body").asString());
        assertThat(api().postJson("/api/v1/policies/" + id + "/versions", "").status()).as("second open version").isEqualTo(409);

        String edited = draft.get("body").asString().replace("## Purpose", "## Why this policy exists");
        assertThat(api().putJson("/api/v1/policies/" + id + "/versions/2", json(Map.of("body", edited))).status()).isEqualTo(200);
        JsonNode diff = api().get("/api/v1/policies/" + id + "/compare?from=1&to=2").json();
        assertThat(diff.get("rows").valueStream().filter(r -> r.get("kind").asString().equals("changed")).toList())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.get("left").asString()).isEqualTo("## Purpose");
                    assertThat(r.get("right").asString()).isEqualTo("## Why this policy exists");
                });
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        int before = api().get("/api/v1/policies").json().size();

        Http.Response unknownTemplate = api().postJson("/api/v1/policies", "{\"template\":\"no-such-policy\"}");
        Http.Response emptyTitle = api().postJson("/api/v1/policies", "{\"title\":\" \",\"body\":\"x\"}");
        Http.Response unknownField = api().postJson("/api/v1/policies", "{\"template\":\"backup\",\"colour\":\"red\"}");
        Http.Response strangerOwner = api().postJson("/api/v1/policies", "{\"template\":\"backup\",\"owner\":\"nobody@nowhere.test\"}");
        Http.Response badSetting = api().putJson("/api/v1/policies/settings", "{\"favourite_colour\":\"red\"}");

        assertThat(unknownTemplate.status()).isEqualTo(400);
        assertThat(unknownTemplate.body()).contains("\"field\":\"template\"");
        assertThat(emptyTitle.body()).contains("\"field\":\"title\"");
        assertThat(unknownField.body()).contains("\"field\":\"colour\"");
        assertThat(strangerOwner.body()).contains("\"field\":\"owner\"");
        assertThat(badSetting.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/policies").json().size()).isEqualTo(before);
        assertThat(api().get("/api/v1/policies/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(Http.anonymous(port).get("/api/v1/policies").status()).isEqualTo(401);
    }

    @Test
    void policiesAreOfferedToChecksAndReviewsToTheCalendar() {
        String id = createDraft();
        publish(id, 1);

        ResourceSource source = sources.stream().filter(s -> s.types().contains("policies.policy")).findFirst().orElseThrow();
        List<Resource> resources = source.resources(workspace());
        Resource policy = resources.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();

        assertThat(policy.type()).isEqualTo("policies.policy");
        assertThat(policy.data()).containsEntry("published", true).containsEntry("currentVersion", 1L)
                .containsEntry("approvedBy", "admin@localhost (token)").containsKey("reviewDueAt");
        assertThat(obligationSources.stream().flatMap(s -> s.obligations(workspace()).stream()))
                .anySatisfy(o -> {
                    assertThat(o.id()).isEqualTo("policies:review:" + id);
                    assertThat(o.kind()).isEqualTo("policy-review");
                });
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private dev.attest.identity.WorkspaceId workspace() {
        return new dev.attest.identity.WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
    }

    private String createDraft() {
        Http.Response created = api().postJson("/api/v1/policies", "{\"template\":\"backup\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void publish(String id, int number) {
        String base = "/api/v1/policies/" + id + "/versions/" + number;
        assertThat(api().postJson(base + "/submit", "").status()).isEqualTo(200);
        assertThat(api().postJson(base + "/approve", "").status()).isEqualTo(200);
        assertThat(api().postJson(base + "/publish", "").status()).isEqualTo(200);
    }

    private static String json(Map<String, String> map) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(map);
    }
}
