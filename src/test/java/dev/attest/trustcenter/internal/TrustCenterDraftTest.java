package dev.attest.trustcenter.internal;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad draft is refused whole, every bad field named at once: as a 400 problem through the API, beside its field on the page. */
class TrustCenterDraftTest extends TrustCenterTestBase {

    @Test
    void theApiNamesEveryBadFieldOfADraftAndKeepsTheDraft() {
        String kept = unique("Kept");
        assertThat(api.putJson("/api/v1/trust-center/draft", draft(kept, "")).status()).isEqualTo(200);

        Http.Response refused = api.putJson("/api/v1/trust-center/draft", """
                {"company":"  ","contactEmail":"not-an-address","ndaText":" ","noticeDays":400,"linkDays":91,
                 "certifications":[{"framework":"SOC 2","status":"done"},{"framework":" ","status":"planned"}],
                 "faq":[{"question":"Where is data hosted?","answer":""}],"securityContact":"ftp://example.com"}""");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        Map<String, String> errors = new HashMap<>();
        for (JsonNode e : refused.json().get("errors")) {
            errors.put(e.get("field").asString(), e.get("message").asString());
        }
        assertThat(errors).containsEntry("company", "is required")
                .containsEntry("contactEmail", "is not an email address")
                .containsEntry("ndaText", "is required: visitors accept it before a gated document")
                .containsEntry("noticeDays", "between 1 and 365 days")
                .containsEntry("linkDays", "between 1 and 90 days")
                .containsEntry("certifications[0].status", "must be certified, in_progress or planned")
                .containsEntry("certifications[1].framework", "is required")
                .containsEntry("faq[0]", "needs both a question and an answer")
                .containsEntry("securityContact", "must be an email address, a mailto: address or an https:// address");
        assertThat(api.get("/api/v1/trust-center/draft").json().get("company").asString()).isEqualTo(kept);
    }

    @Test
    void thePageShowsEveryBadFieldBesideItsFieldWithWhatWasTyped() {
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        String typed = unique("Typed");
        Map<String, String> form = new HashMap<>(Map.of("company", typed, "contactEmail", "nobody", "ndaText", "Keep it secret.",
                "noticeDays", "400", "linkDays", "7", "securityContact", "security@example.com",
                "certFramework", "ISO 27001", "certStatus", "someday"));

        Http.Response refused = admin.postForm("/trust-center", "/trust-center", form, Map.of());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Not saved and not published")
                .contains("Contact email: is not an email address")
                .contains("Subprocessor notice period: between 1 and 365 days")
                .contains("certifications[0].status: must be certified, in_progress or planned")
                .contains(typed);

        form.put("noticeDays", "soon");
        form.put("company", "");
        Http.Response unconverted = admin.postForm("/trust-center", "/trust-center", form, Map.of());
        assertThat(unconverted.body()).contains("Subprocessor notice period: must be a whole number of days")
                .contains("Company: is required")
                .contains("Contact email: is not an email address");
    }
}
