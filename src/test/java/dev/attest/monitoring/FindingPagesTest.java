package dev.attest.monitoring;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The findings pages as a signed-in person gets them: the sortable, paged list, bulk actions, the forms of one finding. */
@AttestTest
class FindingPagesTest {

    @LocalServerPort
    int port;

    private Http browser() {
        return Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
    }

    private String failingFinding() {
        return dev.attest.support.FailingEndpoint.legacyTlsFinding(port);
    }

    @Test
    void theListHasSortableHeadersCountsAndAnExportThatKeepTheFilters() {
        failingFinding();
        var page = browser().get("/monitoring/findings?status=open&sort=resource&dir=desc");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("aria-sort=\"descending\"")
                .contains("href=\"/monitoring/findings?status=open&amp;sort=resource&amp;dir=asc\"")
                .containsPattern("data-testid=\"count\">1–\\d+ of \\d+<")
                .contains("/monitoring/findings/export?status=open&amp;sort=resource&amp;dir=desc")
                .doesNotContain("style=");
        assertThat(page.body()).containsPattern("<option value=\"open\"\\s+selected");
    }

    @Test
    void anUnknownSortOrAPagePastTheEndShowsTheListAsUsual() {
        failingFinding();
        var page = browser().get("/monitoring/findings?sort=password&dir=sideways&page=99999");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"findings\"").contains("aria-sort=\"ascending\"");
        assertThat(browser().get("/monitoring/findings?page=abc").status()).isEqualTo(200);
    }

    @Test
    void aFilterThatMatchesNothingSaysWhatToDoNext() {
        var page = browser().get("/monitoring/findings?check=no-such-check-" + UUID.randomUUID());

        assertThat(page.body()).contains("data-testid=\"empty-state\"").contains("Clear a filter").doesNotContain("data-testid=\"findings\"");
    }

    @Test
    void theFindingPageShowsFixGuidanceAndFieldErrorsOfItsForms() {
        String id = failingFinding();
        Http browser = browser();
        String path = "/monitoring/findings/" + id;

        assertThat(browser.get(path).body()).contains("How to fix").contains("RFC 8996");

        var badTicket = browser.postForm(path, path + "/ticket", Map.of("ticketUrl", "javascript:alert(1)"), Map.of());
        assertThat(badTicket.status()).isEqualTo(200);
        assertThat(badTicket.body()).contains("an http or https address").contains("value=\"javascript:alert(1)\"");

        var selfApproval = browser.postForm(path, path + "/acceptance", Map.of("reason", "legacy clients", "approver", AttestTest.ADMIN_EMAIL,
                "expiresOn", LocalDate.now(ZoneOffset.UTC).plusDays(5).toString()), Map.of());
        assertThat(selfApproval.body()).contains("must be someone other than you").contains("legacy clients");

        var ticket = browser.postForm(path, path + "/ticket", Map.of("ticketUrl", "https://tracker.example/SEC-9"), Map.of());
        assertThat(ticket.status()).isEqualTo(302);
        var comment = browser.postForm(path, path + "/comment", Map.of("text", "Waiting for the vendor"), Map.of());
        assertThat(comment.status()).isEqualTo(302);
        assertThat(browser.get(path).body()).contains("href=\"https://tracker.example/SEC-9\"").contains("Waiting for the vendor");
    }

    @Test
    void aBulkActionWithoutFindingsOrWithABadValueSaysWhichField() {
        String id = failingFinding();
        Http browser = browser();

        var none = browser.postForm("/monitoring/findings", "/monitoring/findings/bulk", Map.of("action", "comment", "text", "x"), Map.of());
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).contains("data-testid=\"bulk-error\"").contains("ids: name at least one finding");

        var badId = browser.postForm("/monitoring/findings", "/monitoring/findings/bulk", Map.of("action", "comment", "text", "x", "ids", "42"),
                Map.of());
        assertThat(badId.body()).contains("ids: &#39;42&#39; is not a finding id");

        var done = browser.postForm("/monitoring/findings", "/monitoring/findings/bulk", Map.of("action", "comment", "text", "Seen in bulk",
                "ids", id), Map.of());
        assertThat(done.body()).contains("1 finding changed");
        assertThat(browser.get("/monitoring/findings/" + id).body()).contains("Seen in bulk");
    }

    @Test
    void thePageExportIsCsvForTheSignedInPerson() {
        failingFinding();
        var csv = browser().get("/monitoring/findings/export?status=open&sort=nonsense");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,check,resource_type,");
    }
}
