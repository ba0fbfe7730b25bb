package dev.attest.policies;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy pages as a browser sees them, the htmx live preview and the comparison fragment. */
@AttestTest
class PolicyPagesTest {

    @LocalServerPort
    int port;

    private Http admin() {
        return Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
    }

    @Test
    void thePreviewRendersMarkdownAndStripsScripts() {
        Http http = admin();
        Http.Response preview = http.postForm("/policies", "/policies/preview",
                Map.of("body", "# Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script> [x](javascript:void)"),
                Map.of("HX-Request", "true"));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"preview\"", "<h1>Heading</h1>", "<table>", "<td>1</td>")
                .doesNotContain("<html", "<script", "href=\"javascript");
    }

    @Test
    void aPolicyIsCreatedFromATemplatePublishedAndThenRefusesEdits() {
        Http http = admin();
        Http.Response created = http.postForm("/policies", "/policies", Map.of("template", "encryption", "owner", "admin@localhost"), Map.of());
        assertThat(created.status()).isEqualTo(302);
        String page = created.header("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(page).startsWith("/policies/");

        assertThat(http.get(page).body()).contains("Encryption Policy", "data-testid=\"open-status\">Draft", "hx-post=\"/policies/preview\"");
        // These tests play author and approver alike; the four-eyes rule has its own test (PoliciesApiTest).
        Http.withToken(port, AttestTest.ADMIN_TOKEN).putJson("/api/v1/policies/settings", "{\"separate_approver\":\"false\"}");
        for (String action : new String[]{"submit", "approve", "publish"}) {
            assertThat(http.postForm(page, page + "/versions/1/" + action, Map.of(), Map.of()).status()).isEqualTo(302);
        }
        String published = http.get(page).body();
        assertThat(published).contains("Published version", "Approved by", "admin@localhost", "data-testid=\"review\"", "current");

        Http.Response edit = http.postForm(page, page + "/versions/1", Map.of("body", "# Rewritten"), Map.of());
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("is published and can never change");

        assertThat(http.postForm(page, page + "/versions", Map.of(), Map.of()).status()).isEqualTo(302);
        assertThat(http.postForm(page, page + "/versions/2", Map.of("body", "# Encryption Policy\n\nShorter."), Map.of()).status())
                .isEqualTo(302);

        Http.Response compare = http.get(page + "/compare?from=1&to=2");
        Http.Response fragment = http.get(page + "/compare?from=1&to=2", Map.of("HX-Request", "true"));
        assertThat(compare.body()).contains("<html", "Compare versions", "data-kind=\"removed\"");
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"diff\"", "data-kind=\"same\"");

        assertThat(http.get("/policies").body()).contains("Encryption Policy", "data-review=\"current\"");
    }

    @Test
    void settingsAreEditedByAnAdminWithFieldErrors() {
        Http http = admin();
        Http.Response bad = http.postForm("/policies/settings", Map.of("company_name", " "));
        assertThat(bad.body()).contains("must not be empty");
        Http.Response good = http.postForm("/policies/settings", Map.of("review_owner", "the CISO"));
        assertThat(good.body()).contains("Saved.", "the CISO");
    }
}
