package dev.attest.controls;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The API as a client sees it: a real HTTP client, the bootstrap admin token, the real database. */
@AttestTest
class ControlsApiTest {

    @LocalServerPort
    int port;

    Http api;

    @BeforeEach
    void client() {
        api = Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    @Test
    void anUnauthenticatedCallGetsA401ProblemDetail() {
        Http.Response response = Http.anonymous(port).get("/api/v1/controls");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void aWrongTokenIsRefusedNotIgnored() {
        Http.Response response = Http.withToken(port, "attest_not_a_real_token").get("/api/v1/frameworks");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).contains("unknown, expired or revoked");
    }

    @Test
    void listsTheSevenFrameworksWithTheirRequirementCounts() {
        JsonNode frameworks = api.get("/api/v1/frameworks").json();

        List<String> ids = new ArrayList<>();
        frameworks.forEach(f -> ids.add(f.get("id").asString()));
        // frameworks imported from OSCAL (by other tests of this context) come after the shipped ones
        assertThat(ids.subList(0, 7)).containsExactly("soc2", "iso27001", "hipaa", "pci-dss", "gdpr", "ccpa", "dpf");
        frameworks.forEach(f -> {
            assertThat(f.get("name").asString()).isNotBlank();
            assertThat(f.get("version").asString()).isNotBlank();
            assertThat(f.get("requirementCount").asInt()).isPositive();
        });
        assertThat(frameworks.get(0).get("requirementCount").asInt()).isEqualTo(61);
    }

    @Test
    void requirementsUseOfficialIdentifiersAndPointToTheirParent() {
        JsonNode requirements = api.get("/api/v1/frameworks/soc2/requirements").json();

        JsonNode cc61 = null;
        for (JsonNode r : requirements) {
            if (r.get("ref").asString().equals("CC6.1")) {
                cc61 = r;
            }
        }
        assertThat(cc61).isNotNull();
        assertThat(cc61.get("parent").asString()).isEqualTo("CC6");
        assertThat(cc61.get("title").asString()).isNotBlank();
    }

    @Test
    void anUnknownFrameworkOrControlIs404() {
        assertThat(api.get("/api/v1/frameworks/sox/requirements").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/frameworks/sox/matrix.csv").status()).isEqualTo(404);
        Http.Response control = api.get("/api/v1/controls/ZZ-99");
        assertThat(control.status()).isEqualTo(404);
        assertThat(control.json().get("detail").asString()).isEqualTo("No control with key 'ZZ-99'");
        assertThat(api.patchJson("/api/v1/controls/not-a-key", "{\"status\":\"implemented\"}").status()).isEqualTo(404);
    }

    @Test
    void patchingAControlChangesItAndShowsInTheList() {
        Http.Response patched = api.patchJson("/api/v1/controls/EN-01",
                "{\"status\":\"in_progress\",\"owner\":\"admin@localhost\",\"notes\":\"KMS keys for all volumes\"}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("status").asString()).isEqualTo("in_progress");
        assertThat(patched.json().get("owner").asString()).isEqualTo("admin@localhost");

        JsonNode control = api.get("/api/v1/controls/EN-01").json();
        assertThat(control.get("notes").asString()).isEqualTo("KMS keys for all volumes");
        assertThat(control.get("updatedBy").asString()).isEqualTo("admin@localhost (token)");

        JsonNode filtered = api.get("/api/v1/controls?status=in_progress&domain=encryption").json();
        List<String> keys = new ArrayList<>();
        filtered.forEach(c -> keys.add(c.get("key").asString()));
        assertThat(keys).contains("EN-01");
        filtered.forEach(c -> assertThat(c.get("domain").asString()).isEqualTo("encryption"));
    }

    @Test
    void aPatchKeepsTheFieldsItLeavesOut() {
        api.patchJson("/api/v1/controls/EN-02", "{\"status\":\"implemented\",\"notes\":\"TLS 1.2+ everywhere\"}");
        api.patchJson("/api/v1/controls/EN-02", "{\"owner\":\"admin@localhost\"}");

        JsonNode control = api.get("/api/v1/controls/EN-02").json();
        assertThat(control.get("status").asString()).isEqualTo("implemented");
        assertThat(control.get("notes").asString()).isEqualTo("TLS 1.2+ everywhere");
        assertThat(control.get("owner").asString()).isEqualTo("admin@localhost");
    }

    @Test
    void anUnknownStatusIs400NamingTheField() {
        Http.Response response = api.patchJson("/api/v1/controls/AC-02", "{\"status\":\"done\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("not_started, in_progress, implemented, not_applicable");
        assertThat(api.get("/api/v1/controls/AC-02").json().get("status").asString()).isNotEqualTo("done");
    }

    @Test
    void notApplicableNeedsAJustification() {
        Http.Response refused = api.patchJson("/api/v1/controls/PH-02", "{\"status\":\"not_applicable\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("justification");
        assertThat(api.get("/api/v1/controls/PH-02").json().get("status").asString()).isNotEqualTo("not_applicable");

        Http.Response accepted = api.patchJson("/api/v1/controls/PH-02",
                "{\"status\":\"not_applicable\",\"justification\":\"Fully remote company: no office\"}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("justification").asString()).isEqualTo("Fully remote company: no office");
    }

    @Test
    void anOwnerWhoIsNotAMemberIsRefused() {
        Http.Response response = api.patchJson("/api/v1/controls/AC-03", "{\"owner\":\"stranger@example.com\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("owner");
    }

    @Test
    void malformedJsonIs400WithoutAStackTrace() {
        Http.Response response = api.patchJson("/api/v1/controls/AC-01", "{\"status\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.attest");

        assertThat(api.patchJson("/api/v1/controls/AC-01", "[1,2]").status()).isEqualTo(400);
        assertThat(api.patchJson("/api/v1/controls/AC-01", "{\"status\": 7}").status()).isEqualTo(400);
        assertThat(api.patchJson("/api/v1/controls/AC-01", "{\"colour\": \"red\"}").status()).isEqualTo(400);
    }

    @Test
    void anUnknownFilterValueIs400() {
        Http.Response response = api.get("/api/v1/controls?status=finished&framework=sox");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("framework", "status");
    }

    @Test
    void readinessMovesWhenTheControlsOfARequirementAreImplemented() {
        JsonNode requirement = firstCoveredRequirement("gdpr");
        double before = percentOf("gdpr");
        int readyBefore = readyOf("gdpr");

        for (JsonNode key : requirement.get("controls")) {
            assertThat(api.patchJson("/api/v1/controls/" + key.asString(), "{\"status\":\"implemented\"}").status()).isEqualTo(200);
        }

        assertThat(readyOf("gdpr")).isGreaterThan(readyBefore);
        assertThat(percentOf("gdpr")).isGreaterThan(before);
    }

    @Test
    void theControlMatrixListsRequirementControlStatusAndOwner() {
        Http.Response csv = api.get("/api/v1/frameworks/soc2/matrix.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("requirement,control,status,owner");
        assertThat(lines).anyMatch(line -> line.startsWith("CC6.1,"));
        assertThat(lines.length).isGreaterThan(61);
    }

    @Test
    void scopingOutACategoryRemovesItsCriteriaFromReadiness() {
        int all = inScopeOf("soc2");
        assertThat(api.putJson("/api/v1/adoptions/soc2", "{\"categories\":[\"availability\"]}").status()).isEqualTo(200);
        try {
            assertThat(inScopeOf("soc2")).isLessThan(all);
            assertThat(api.putJson("/api/v1/adoptions/soc2", "{\"categories\":[\"integrity\"]}").status()).isEqualTo(400);
        } finally {
            api.putJson("/api/v1/adoptions/soc2",
                    "{\"categories\":[\"availability\",\"confidentiality\",\"processing-integrity\",\"privacy\"]}");
        }
        assertThat(inScopeOf("soc2")).isEqualTo(all);
    }

    @Test
    void pciDssAppendicesCountOnlyOnceTheWorkspaceOptsIn() {
        // A new workspace is measured against the twelve principal requirements only.
        JsonNode adoption = null;
        for (JsonNode a : api.get("/api/v1/adoptions").json()) {
            if (a.get("frameworkId").asString().equals("pci-dss")) {
                adoption = a;
            }
        }
        assertThat(adoption).isNotNull();
        assertThat(adoption.get("categories")).isEmpty();
        int principal = inScopeOf("pci-dss");

        assertThat(api.putJson("/api/v1/adoptions/pci-dss", "{\"categories\":[\"a1-multi-tenant\"]}").status()).isEqualTo(200);
        try {
            assertThat(inScopeOf("pci-dss")).as("A1.1 and A1.2 join the scope").isEqualTo(principal + 2);
            assertThat(api.putJson("/api/v1/adoptions/pci-dss", "{\"categories\":[\"a1-multi-tenant\",\"a3-desv\"]}").status())
                    .isEqualTo(200);
            assertThat(inScopeOf("pci-dss")).as("and A3.1 to A3.5").isEqualTo(principal + 7);
            Http.Response unknown = api.putJson("/api/v1/adoptions/pci-dss", "{\"categories\":[\"a4-compensating\"]}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.body()).contains("categories", "a4-compensating");
            assertThat(inScopeOf("pci-dss")).as("a refused scope changes nothing").isEqualTo(principal + 7);
        } finally {
            api.putJson("/api/v1/adoptions/pci-dss", "{\"categories\":[]}");
        }
        assertThat(inScopeOf("pci-dss")).isEqualTo(principal);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Http.Response docs = Http.anonymous(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/controls/{key}")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/readiness")).isTrue();
    }

    @Test
    void healthIsUp() {
        Http.Response health = Http.anonymous(port).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    private JsonNode firstCoveredRequirement(String framework) {
        for (JsonNode r : api.get("/api/v1/frameworks/" + framework + "/requirements").json()) {
            if (r.get("controls").size() > 0) {
                return r;
            }
        }
        throw new AssertionError("no requirement of " + framework + " has controls");
    }

    private JsonNode readiness(String framework) {
        for (JsonNode r : api.get("/api/v1/readiness").json()) {
            if (r.get("framework").asString().equals(framework)) {
                return r;
            }
        }
        throw new AssertionError(framework + " is not adopted");
    }

    private double percentOf(String framework) {
        return readiness(framework).get("percent").asDouble();
    }

    private int readyOf(String framework) {
        return readiness(framework).get("ready").asInt();
    }

    private int inScopeOf(String framework) {
        return readiness(framework).get("inScope").asInt();
    }
}
