package dev.attest.controls;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard and the catalog page say what their requirement counts count, and the two add up. */
@AttestTest
class RequirementCountsTest {

    @LocalServerPort
    int port;

    @Test
    void theDashboardShowsRequirementsOutsideTheLibrarySoItsTotalMatchesTheCatalog() {
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        String dashboard = admin.get("/").body();
        assertThat(dashboard).contains("Ready / in scope", "catalog's count of assessed requirements");
        assertThat(admin.get("/catalog/coverage").body()).contains("Assessed requirements");

        JsonNode hipaa = null;
        for (JsonNode c : Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/catalog/coverage").json()) {
            if (c.get("framework").asString().equals("hipaa")) {
                hipaa = c;
            }
        }
        assertThat(hipaa).isNotNull();
        Matcher row = Pattern.compile("data-framework=\"hipaa\">.*?<span>(\\d+)</span> / <span>(\\d+)</span>\\s*"
                + "<span class=\"hint\" data-outside=\"(\\d+)\"", Pattern.DOTALL).matcher(dashboard);
        assertThat(row.find()).as("HIPAA's row names what lies outside the library").isTrue();
        int inScope = Integer.parseInt(row.group(2));
        int outside = Integer.parseInt(row.group(3));
        assertThat(outside).isPositive();
        assertThat(inScope + outside).isEqualTo(hipaa.get("requirements").asInt());
    }
}
