package dev.attest.policies;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.policies.internal.Drafting;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The templates against the catalog, and a policy's framework sections following the workspace's adoption. */
@AttestTest
class PolicyTemplatesTest {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Drafting drafting;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    @Test
    void everyControlOfTheLibraryIsCitedByAtLeastOnePolicy() {
        Set<String> cited = new HashSet<>();
        drafting.templates().forEach(t -> cited.addAll(t.controls()));
        List<String> uncited = new ArrayList<>();
        for (Control control : catalog.controls()) {
            if (!cited.contains(control.key().value())) {
                uncited.add(control.key().value());
            }
        }
        assertThat(uncited).as("controls no policy cites").isEmpty();
        assertThat(cited).allSatisfy(key -> assertThat(catalog.control(key)).as(key).isPresent());
    }

    @Test
    void frameworkSectionsNameFrameworksOfTheCatalog() {
        Set<String> named = new HashSet<>();
        for (JsonNode template : api().get("/api/v1/policies/templates").json()) {
            template.get("frameworkSections").forEach(f -> named.add(f.asString()));
        }
        assertThat(named).contains("pci-dss", "hipaa", "gdpr", "ccpa");
        named.forEach(id -> assertThat(catalog.framework(id)).as(id).isPresent());
    }

    @Test
    void aPolicyCreatedWhilePciDssIsPursuedHasItsRulesAndNotOnceItIsDropped() {
        String withPci = createdBody();
        assertThat(withPci).contains("### PCI DSS: accounts with access to the cardholder data environment",
                "at least every 90 days").doesNotContain("{{#framework", "{{/framework}}");

        assertThat(api().delete("/api/v1/adoptions/pci-dss").status()).isLessThan(300);
        try {
            String without = createdBody();
            assertThat(without).doesNotContain("PCI DSS", "90 days", "{{#framework")
                    .contains("### Sessions");
        } finally {
            assertThat(api().putJson("/api/v1/adoptions/pci-dss", "{\"categories\":[]}").status()).isEqualTo(200);
        }
    }

    private String createdBody() {
        Http.Response created = api().postJson("/api/v1/policies", "{\"template\":\"password-authentication\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        int draft = created.json().get("open").get("number").asInt();
        return api().get("/api/v1/policies/" + id + "/versions/" + draft).json().get("body").asString();
    }
}
