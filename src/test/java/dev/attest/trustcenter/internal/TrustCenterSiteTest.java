package dev.attest.trustcenter.internal;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public overview as a visitor sees it, and the draft, preview and publish cycle behind it. */
class TrustCenterSiteTest extends TrustCenterTestBase {

    @Test
    void aSavedDraftStaysPrivateUntilPublishedAndTheCacheIsRefreshedByPublishing() {
        String first = unique("Acme");
        publish(draft(first, ""));
        assertThat(visitor.get("/trust").body()).contains(first);

        String second = unique("Acme");
        assertThat(api.putJson("/api/v1/trust-center/draft", draft(second, "")).status()).isEqualTo(200);
        Http.Response stillOld = visitor.get("/trust");
        assertThat(stillOld.body()).contains(first).doesNotContain(second);

        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        Http.Response preview = admin.get("/trust-center/preview");
        assertThat(preview.body()).contains(second, "data-testid=\"preview-banner\"").doesNotContain("INTERNAL-NOTE");
        assertThat(visitor.get("/trust-center/preview").status()).isEqualTo(302);

        Http.Response published = admin.postForm("/trust-center", "/trust-center/publish", Map.of(), Map.of());
        assertThat(published.status()).isEqualTo(302);
        assertThat(visitor.get("/trust").body()).contains(second).doesNotContain(first).doesNotContain("preview-banner");
    }

    @Test
    void theOverviewShowsCertificationsFaqAndPublishedControlsWithTheirLiveStatus() {
        String company = unique("Bolt");
        assertThat(api.patchJson("/api/v1/controls/VN-05", "{\"status\":\"implemented\"}").status()).isEqualTo(200);
        publish(draft(company, """
                "certifications":[{"framework":"SOC 2 Type II","status":"certified","since":"2022","auditor":"Example Audit LLP",
                  "period":"2025-01-01 to 2025-12-31"},{"framework":"ISO/IEC 27001:2022","status":"in_progress"}],
                "controls":["VN-05","VN-07"],
                "faq":[{"question":"How is data encrypted?","answer":"AES-256 at rest, TLS 1.2+ in transit."}]"""));

        String page = visitor.get("/trust").body();
        assertThat(page).contains("SOC 2 Type II", "Certified", "Example Audit LLP", "2025-01-01 to 2025-12-31", "In progress",
                "How is data encrypted?", "AES-256 at rest", "Vendor management");
        assertThat(page).containsPattern("data-control=\"VN-05\">\\s*<span>Data processing agreements with subprocessors</span>\\s*"
                + "<span class=\"badge status-implemented\">In place</span>\\s*<span class=\"hint\">updated just now</span>");
        assertThat(page).doesNotContain("VN-01");

        assertThat(api.patchJson("/api/v1/controls/VN-05", "{\"status\":\"in_progress\"}").status()).isEqualTo(200);
        assertThat(visitor.get("/trust").body()).containsPattern("data-control=\"VN-05\">\\s*<span>[^<]+</span>\\s*"
                + "<span class=\"badge status-in_progress\">In progress</span>");
    }

    @Test
    void invalidDraftsAreRefusedFieldByFieldAndChangeNothing() {
        String company = unique("Cobalt");
        publish(draft(company, ""));
        Http.Response refused = api.putJson("/api/v1/trust-center/draft", """
                {"company":"","contactEmail":"not-an-email","securityContact":"ftp://x","certifications":[{"framework":"SOC 2","status":"done"}],
                 "controls":["XX-99"],"allowedDomains":["not a domain!"],"ndaText":"x"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"company\"", "\"contactEmail\"", "\"securityContact\"", "certifications[0].status",
                "\"controls\"", "\"allowedDomains\"");
        assertThat(api.get("/api/v1/trust-center/draft").json().get("company").asString()).isEqualTo(company);
    }

    @Test
    void theAdminEditsTheDraftThroughTheFormAndSeesFieldErrors() {
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        String company = unique("Delta");
        Map<String, String> form = new HashMap<>(Map.of("company", company, "contactEmail", "nope", "ndaText", "Keep it secret.",
                "certFramework", "SOC 2 Type II", "certStatus", "certified", "noticeDays", "30", "linkDays", "7"));

        Http.Response refused = admin.postForm("/trust-center", "/trust-center", form, Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"contactEmail\"", "value=\"" + company + "\"");

        form.put("contactEmail", "trust@example.com");
        Http.Response saved = admin.postForm("/trust-center", "/trust-center", form, Map.of());
        assertThat(saved.body()).contains("Draft saved");
        assertThat(api.get("/api/v1/trust-center/draft").json().get("certifications").get(0).get("framework").asString())
                .isEqualTo("SOC 2 Type II");
    }

    @Test
    void securityTxtFollowsRfc9116() {
        String company = unique("Echo");
        publish(draft(company, "\"disclosure\":\"Report bugs privately; we answer in 3 days.\""));

        Http.Response response = visitor.get("/.well-known/security.txt");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain").contains("charset=UTF-8");
        Map<String, List<String>> fields = SecurityTxt.parse(response.body());
        assertThat(fields.get("contact")).containsExactly("mailto:security@example.com");
        assertThat(fields.get("expires")).hasSize(1);
        Instant expires = Instant.parse(fields.get("expires").get(0));
        assertThat(expires).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(366)));
        assertThat(fields.get("policy")).singleElement().asString().matches("http://localhost:\\d+/trust/disclosure");
        assertThat(fields.get("preferred-languages")).containsExactly("en, de");

        String policy = visitor.get("/trust/disclosure").body();
        assertThat(policy).contains("Report bugs privately", "security@example.com", "/.well-known/security.txt");
    }

    @Test
    void nothingUnpublishedAndNoInternalNoteReachesAnyPublicPage() {
        String company = unique("Foxtrot");
        publish(draft(company, ""));
        api.putJson("/api/v1/trust-center/draft", draft(company, "\"summary\":\"UNPUBLISHED-SUMMARY\""));

        for (String path : List.of("/trust", "/trust/subprocessors", "/trust/subprocessors.atom", "/trust/disclosure",
                "/.well-known/security.txt", "/trust/subscribe")) {
            Http.Response page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("INTERNAL-NOTE", "UNPUBLISHED-SUMMARY");
        }
    }

    @Test
    void publicPagesNeedNoSignInAndCarryTheContentSecurityPolicy() {
        publish(draft(unique("Golf"), ""));
        Http.Response page = visitor.get("/trust");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(page.header("Set-Cookie")).isEmpty();
        Http.Response fromCache = visitor.get("/trust");
        assertThat(fromCache.body()).isEqualTo(page.body());
        assertThat(fromCache.header("Content-Security-Policy")).isEqualTo(page.header("Content-Security-Policy"));
        assertThat(fromCache.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(fromCache.header("Content-Type")).isEqualTo(page.header("Content-Type"));
        assertThat(visitor.get("/trust-center").status()).isEqualTo(302);
        assertThat(visitor.get("/api/v1/trust-center/draft").status()).isEqualTo(401);
    }

    /** A strict reader of security.txt: the grammar of RFC 9116 section 4, refusing anything else. */
    static final class SecurityTxt {

        static Map<String, List<String>> parse(String text) {
            assertThat(text).as("lines end with CRLF").doesNotContainPattern("[^\\r]\\n");
            Map<String, List<String>> fields = new HashMap<>();
            for (String line : text.split("\r\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                assertThat(line).as("field line").matches("[A-Za-z0-9-]+: \\S.*");
                String name = line.substring(0, line.indexOf(':')).toLowerCase();
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(line.indexOf(':') + 2));
            }
            assertThat(fields).containsKeys("contact", "expires");
            fields.get("contact").forEach(c -> assertThat(c).matches("(mailto:|https://|tel:).+"));
            assertThat(fields.get("expires")).as("Expires appears once").hasSize(1);
            assertThat(fields.getOrDefault("preferred-languages", List.of())).hasSizeLessThanOrEqualTo(1);
            fields.getOrDefault("preferred-languages", List.of()).forEach(l -> assertThat(l).matches("[a-z]{2,3}(-\\w+)*(, [a-z]{2,3}(-\\w+)*)*"));
            return fields;
        }
    }
}
