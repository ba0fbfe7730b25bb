package dev.attest.catalog;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** One requirement through the API, under either of the forms its publisher cites. */
@AttestTest
class CatalogApiTest {

    @LocalServerPort
    int port;

    @Test
    void aHipaaStandardIsFoundByItsParagraphAndByItsRomanOneCitation() {
        Http api = Http.withToken(port, AttestTest.ADMIN_TOKEN);

        for (String asked : new String[]{"164.308(a)(1)", "164.308(a)(1)(i)"}) {
            Http.Response response = api.get("/api/v1/frameworks/hipaa/requirements/" + asked);
            assertThat(response.status()).as(asked).isEqualTo(200);
            JsonNode requirement = response.json();
            assertThat(requirement.get("ref").asString()).isEqualTo("164.308(a)(1)");
            assertThat(requirement.get("citation").asString()).isEqualTo("164.308(a)(1)(i)");
            assertThat(requirement.get("title").asString()).isEqualTo("Security management process");
            assertThat(requirement.get("controls")).isNotEmpty();
        }
        JsonNode specification = api.get("/api/v1/frameworks/hipaa/requirements/164.308(a)(1)(ii)(A)").json();
        assertThat(specification.get("parent").asString()).isEqualTo("164.308(a)(1)");
        assertThat(specification.get("citation").isNull()).isTrue();

        boolean listed = false;
        for (JsonNode r : api.get("/api/v1/frameworks/hipaa/requirements").json()) {
            listed |= r.get("ref").asString().equals("164.308(a)(7)") && r.get("citation").asString().equals("164.308(a)(7)(i)");
        }
        assertThat(listed).as("the list shows the (i) form beside the ref").isTrue();
    }

    @Test
    void anUnknownRequirementIsA404ProblemNamingIt() {
        Http.Response response = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/frameworks/hipaa/requirements/164.308(a)(2)(i)");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("164.308(a)(2)(i)").doesNotContain("Exception");
        assertThat(Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/frameworks/nope/requirements/1.1").status()).isEqualTo(404);
    }

    @Test
    void pciAppendixRequirementsCarryTheirOptInCategoryAndShowOutOfScopeOnTheFrameworkPage() {
        Http.Response requirement = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/frameworks/pci-dss/requirements/A3.4");
        assertThat(requirement.status()).isEqualTo(200);
        assertThat(requirement.json().get("category").asString()).isEqualTo("a3-desv");

        Http browser = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        String pci = browser.get("/frameworks/pci-dss").body();
        assertThat(pci).contains("Appendix A1: multi-tenant service providers");
        assertThat(pci.lines().filter(l -> l.contains("data-ref=\"A1.1\"")).findFirst()).get().asString().contains("out-of-scope");
        assertThat(pci.lines().filter(l -> l.contains("data-ref=\"1.1\"")).findFirst()).get().asString().doesNotContain("out-of-scope");
        assertThat(browser.get("/frameworks/hipaa").body()).contains("cited as 164.308(a)(1)(i)");
    }
}
