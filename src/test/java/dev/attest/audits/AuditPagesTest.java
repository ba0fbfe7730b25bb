package dev.attest.audits;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audits pages as the compliance lead uses them: plan an audit from the form, see a bad period named, open the audit. */
@AttestTest
class AuditPagesTest {

    @LocalServerPort
    int port;

    @Test
    void theFormNamesABadPeriodAndAPlannedAuditOpensOnItsPage() {
        Http browser = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        assertThat(browser.get("/audits").body()).contains("Plan an audit");

        Http.Response refused = browser.postForm("/audits", "/audits", Map.of("kind", "SOC2_TYPE2", "firm", "Page Audit LLP", "leadAuditor", "Dana",
                "periodStart", "2026-06-30", "periodEnd", "2026-01-01"), Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-testid=\"periodEnd-error\"", "must not be before periodStart");

        Http.Response planned = browser.postForm("/audits", "/audits", Map.of("kind", "SOC2_TYPE2", "scope", "security,availability",
                "firm", "Page Audit LLP", "leadAuditor", "Dana", "periodStart", "2026-01-01", "periodEnd", "2026-06-30"), Map.of());
        assertThat(planned.status()).isEqualTo(302);
        String page = planned.header("Location");
        assertThat(page).contains("/audits/");
        assertThat(browser.get(page.substring(page.indexOf("/audits/"))).body())
                .contains("soc2_type2 by Page Audit LLP", "security, availability", "Download the audit package");
    }
}
