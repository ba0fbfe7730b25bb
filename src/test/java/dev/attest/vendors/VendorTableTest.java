package dev.attest.vendors;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The vendor register as a table: sorted and paged by the database with counts, an empty state, and a CSV that follows the filters. */
@AttestTest
class VendorTableTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEmptyRegisterSaysToAddAVendorAndAFilterThatFindsNothingSaysToClearIt() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http browser = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);

        assertThat(browser.get("/vendors").body()).contains("data-testid=\"empty-state\"", "href=\"/vendors/new\"", "Add a vendor")
                .contains("data-testid=\"vendor-count\">0<").doesNotContain("data-testid=\"pager\"");
        Http api = Http.withToken(port, ws.token());
        api.postJson("/api/v1/vendors", "{\"name\": \"Only One\", \"data\": [\"internal\"]}");
        assertThat(browser.get("/vendors?q=zzqq").body()).contains("No vendor matches these filters", "Show every vendor");
    }

    @Test
    void theRegisterPagesWithCountsSortsByTierAndFallsBackOnNonsense() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        for (int i = 1; i <= 52; i++) {
            String data = i == 7 ? "customer" : i == 8 ? "internal" : "none";
            assertThat(api.postJson("/api/v1/vendors", "{\"name\": \"Vendor %02d\", \"data\": [\"%s\"]}".formatted(i, data)).status())
                    .isEqualTo(201);
        }
        Http browser = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);

        var first = browser.get("/vendors");
        assertThat(first.body()).contains("data-testid=\"count\">1–50 of 52<", "rel=\"next\"", "data-vendor=\"Vendor 01\"")
                .doesNotContain("data-vendor=\"Vendor 51\"");
        var second = browser.get("/vendors?page=2");
        assertThat(second.body()).contains("51–52 of 52", "data-vendor=\"Vendor 52\"", "rel=\"prev\"");

        var byTier = browser.get("/vendors?sort=tier&dir=desc").body();
        assertThat(byTier.indexOf("data-vendor=\"Vendor 07\"")).isLessThan(byTier.indexOf("data-vendor=\"Vendor 08\""));
        assertThat(byTier.indexOf("data-vendor=\"Vendor 08\"")).isLessThan(byTier.indexOf("data-vendor=\"Vendor 01\""));
        assertThat(byTier).contains("aria-sort=\"descending\"");

        var high = browser.get("/vendors?tier=high");
        assertThat(high.body()).contains("data-testid=\"vendor-count\">1<", "data-vendor=\"Vendor 07\"");
        var nonsense = browser.get("/vendors?sort=secret&dir=sideways&page=999&tier=extreme");
        assertThat(nonsense.status()).isEqualTo(200);
        assertThat(nonsense.body()).contains("51–52 of 52");
        var reviewOrder = browser.get("/vendors?sort=review");
        assertThat(reviewOrder.status()).isEqualTo(200);
        assertThat(reviewOrder.body()).contains("aria-sort=\"ascending\"");
    }

    @Test
    void theCsvFollowsTheFiltersAndTheOrder() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        api.postJson("/api/v1/vendors", "{\"name\": \"Alpha Hosting\", \"data\": [\"customer\"], \"countries\": [\"US\"]}");
        api.postJson("/api/v1/vendors", "{\"name\": \"Beta Hosting\", \"data\": [\"personal\"], \"subprocessor\": true}");
        api.postJson("/api/v1/vendors", "{\"name\": \"=Gamma Mail\", \"data\": [\"none\"]}");
        Http browser = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);

        String link = browser.get("/vendors?q=hosting&sort=name&dir=desc").body();
        assertThat(link).contains("href=\"/vendors/export?q=hosting&amp;sort=name&amp;dir=desc\"");
        var csv = browser.get("/vendors/export?q=hosting&sort=name&dir=desc");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).startsWith("id,name,website,purpose,data,countries,subprocessor,owner,risk_tier,next_review_on");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains(",Beta Hosting,", ",personal,", ",true,", ",high,");
        assertThat(lines.get(2)).contains(",Alpha Hosting,", ",US,");

        assertThat(browser.get("/vendors/export?subprocessor=true").body().split("\r\n")).hasSize(2);
        assertThat(browser.get("/vendors/export").body()).contains(",'=Gamma Mail,");
    }
}
