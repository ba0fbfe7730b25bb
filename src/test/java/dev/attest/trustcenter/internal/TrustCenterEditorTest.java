package dev.attest.trustcenter.internal;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor publishes what it shows, and speaks of fields by their labels; security.txt takes RFC 9116's mailto: form. */
class TrustCenterEditorTest extends TrustCenterTestBase {

    private static Map<String, String> form(String company) {
        return new HashMap<>(Map.of("company", company, "contactEmail", "trust@example.com", "ndaText", "Keep it secret.",
                "noticeDays", "30", "linkDays", "7", "securityContact", "security@example.com"));
    }

    @Test
    void saveAndPublishPublishesTheEditsOnTheScreenNotAnOlderDraft() {
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        String saved = unique("Saved");
        assertThat(admin.postForm("/trust-center", "/trust-center", form(saved), Map.of()).body()).contains("Draft saved");

        String typed = unique("Typed");
        Http.Response published = admin.postForm("/trust-center", "/trust-center/publish", form(typed), Map.of());
        assertThat(published.status()).isEqualTo(302);
        assertThat(visitor.get("/trust").body()).contains(typed).doesNotContain(saved);
        assertThat(api.get("/api/v1/trust-center/draft").json().get("company").asString()).isEqualTo(typed);
    }

    @Test
    void aRefusedFieldPublishesNothingAndIsNamedByItsLabel() {
        String live = unique("Live");
        publish(draft(live, ""));
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        Map<String, String> bad = form(unique("Broken"));
        bad.put("securityContact", "ftp://example.com");

        Http.Response refused = admin.postForm("/trust-center", "/trust-center/publish", bad, Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Security contact: must be").doesNotContain("securityContact: ");
        assertThat(visitor.get("/trust").body()).contains(live);
    }

    @Test
    void aMailtoSecurityContactIsAcceptedAndWrittenOnce() {
        publish(draft(unique("Mailto"), "").replace("\"securityContact\":\"security@example.com\"",
                "\"securityContact\":\"mailto:security@example.com\""));
        String txt = visitor.get("/.well-known/security.txt").body();
        assertThat(txt).contains("Contact: mailto:security@example.com").doesNotContain("mailto:mailto:");
    }

    @Test
    void thePrivacyRequestFormIsLinkedFromTheTrustCenterAndCarriesTheCompanysName() {
        String company = unique("Privy");
        publish(draft(company, ""));
        assertThat(visitor.get("/trust").body()).contains("href=\"/trust/privacy/request\"");
        assertThat(visitor.get("/trust/disclosure").body()).contains("href=\"/trust/privacy/request\"");
        String form = visitor.get("/trust/privacy/request").body();
        assertThat(form).contains(company + " Trust Center", "href=\"/trust/subprocessors\"", "Make a privacy request");
    }

    @Test
    void aPendingAccessRequestIsATaskInTheCalendarUntilAnswered() {
        String company = unique("Tasked");
        String report = uploadPdf("SOC 2 report " + company, "soc2-report", true);
        publish(draft(company, "\"documents\":[\"" + report + "\"]"));
        String buyer = unique("Buyer Corp");
        Http.Response asked = visitor.postForm("/trust/documents/" + report, "/trust/documents/" + report + "/request",
                new HashMap<>(Map.of("name", "Rita Requester", "email", unique("rita") + "@buyer.example", "company", buyer,
                        "reason", "vendor review", "nda", "accepted", "extra_info", "")), Map.of());
        assertThat(asked.status()).isEqualTo(200);

        assertThat(api.get("/api/v1/obligations").body()).contains("Answer the access request of " + buyer, "/trust-center/requests");
    }
}
