package dev.attest.controls;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages as a browser without JavaScript sees them, and the htmx fragments. */
@AttestTest
class ControlPagesTest {

    @LocalServerPort
    int port;

    private Http admin() {
        return Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
    }

    @Test
    void aPageRedirectsToSignIn() {
        Http.Response response = Http.anonymous(port).get("/controls");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
    }

    @Test
    void aWrongPasswordShowsTheSignInPageAgain() {
        Http http = Http.anonymous(port);
        Http.Response response = http.postForm("/login", Map.of("username", AttestTest.ADMIN_EMAIL, "password", "wrong password"));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login?error");
        assertThat(http.get("/login?error").body()).contains("Wrong email or password");
    }

    @Test
    void theDashboardShowsEveryFrameworksReadiness() {
        Http.Response dashboard = admin().get("/");

        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body())
                .contains("data-framework=\"soc2\"", "data-framework=\"iso27001\"", "data-framework=\"hipaa\"",
                        "data-framework=\"pci-dss\"", "data-framework=\"gdpr\"", "data-framework=\"ccpa\"", "data-framework=\"dpf\"")
                .contains("admin@localhost");
        assertThat(dashboard.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
    }

    @Test
    void theFrameworkPageShowsTheRequirementTreeWithControls() {
        Http.Response page = admin().get("/frameworks/soc2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-ref=\"CC6.1\"", "data-ref=\"CC6\"", "Categories in scope");
        assertThat(admin().get("/frameworks/nope").status()).isEqualTo(404);
    }

    @Test
    void theLibraryFiltersAndAnswersHtmxWithOnlyTheResults() {
        Http http = admin();
        Http.Response full = http.get("/controls?domain=encryption");
        Http.Response fragment = http.get("/controls?domain=encryption", Map.of("HX-Request", "true"));

        assertThat(full.body()).contains("<html", "Control library", "data-key=\"EN-01\"").doesNotContain("data-key=\"AC-01\"");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"results\"", "data-key=\"EN-01\"");

        Http.Response search = http.get("/controls?q=multi-factor");
        assertThat(search.body()).contains("Multi-factor");

        Http.Response badFilter = http.get("/controls?status=finished");
        assertThat(badFilter.status()).isEqualTo(200);
        assertThat(badFilter.body()).contains("status: &#39;finished&#39; is not one of");
    }

    @Test
    void theControlPageShowsMappedRequirementsAndSavesTheForm() {
        Http http = admin();
        Http.Response page = http.get("/controls/AC-06");
        assertThat(page.body()).contains("Requirements it helps satisfy", "Implementation status");

        Http.Response saved = http.postForm("/controls/AC-06", "/controls/AC-06",
                Map.of("status", "implemented", "owner", "admin@localhost", "justification", "", "notes", "Quarterly in Okta"),
                Map.of("HX-Request", "true"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain("<html").contains("Saved.");
        assertThat(http.get("/controls?status=implemented").body()).contains("data-key=\"AC-06\"");
    }

    @Test
    void aRefusedFormComesBackWithTheFieldError() {
        Http http = admin();
        Http.Response refused = http.postForm("/controls/PH-03", "/controls/PH-03",
                Map.of("status", "not_applicable", "owner", "", "justification", " ", "notes", "typed text stays"), Map.of());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-testid=\"justification-error\"", "typed text stays");
        assertThat(http.get("/controls/PH-03").body()).doesNotContain("Saved.");
    }

    @Test
    void thePagesLoadHtmxFromTheBundledWebjar() {
        Http http = admin();
        String page = http.get("/").body();
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("<script src=\"([^\"]+htmx[^\"]+)\"").matcher(page);

        assertThat(script.find()).isTrue();
        Http.Response htmx = http.get(script.group(1));
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }

    @Test
    void anUnknownPageIsAFriendly404Page() {
        Http.Response page = admin().get("/no-such-page", Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Not found", "Back to the dashboard").doesNotContain("Exception");
        Http.Response control = admin().get("/controls/ZZ-99", Map.of("Accept", "text/html"));
        assertThat(control.status()).isEqualTo(404);
        assertThat(control.body()).contains("Not found");
    }

    @Test
    void theMatrixDownloadsFromThePageWithTheSession() {
        Http.Response csv = admin().get("/frameworks/iso27001/matrix.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("requirement,control,status,owner");
    }
}
