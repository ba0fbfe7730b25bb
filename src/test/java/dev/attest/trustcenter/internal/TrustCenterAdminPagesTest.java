package dev.attest.trustcenter.internal;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's Trust Center pages: documents, requests and the subprocessor list with its notice form. */
class TrustCenterAdminPagesTest extends TrustCenterTestBase {

    @Test
    void theAdminPagesShowDocumentsRequestsAndSubprocessors() {
        String company = unique("Victor");
        String report = uploadPdf("Pentest summary " + company, "pentest-summary", true);
        publish(draft(company, "\"documents\":[\"" + report + "\"]"));
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);

        assertThat(admin.get("/trust-center").body()).contains(company, "Last published");
        assertThat(admin.get("/trust-center/documents").body()).contains("Pentest summary " + company, "Gated (NDA)");
        assertThat(admin.get("/trust-center/requests").status()).isEqualTo(200);
        assertThat(admin.get("/trust-center/subprocessors").body()).contains("Announce a change");
    }

    @Test
    void aNoticeTooSoonIsRefusedOnTheFormWithTheEarliestDate() {
        publish(draft(unique("Whiskey"), "\"noticeDays\":30"));
        String vendor = post("/api/v1/vendors", "{\"name\":\"%s\",\"data\":[\"personal\"],\"countries\":[\"US\"],\"subprocessor\":true}"
                .formatted(unique("Form Vendor"))).get("id").asString();
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);

        Http.Response refused = admin.postForm("/trust-center/subprocessors", "/trust-center/subprocessors/notices",
                Map.of("kind", "added", "vendorId", vendor, "replaces", "", "effectiveOn", LocalDate.now().plusDays(3).toString()), Map.of());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"effectiveOn\"", LocalDate.now().plusDays(30) + " or later");
    }
}
