package dev.attest.accessreviews;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static dev.attest.accessreviews.AccessReviewSupport.BASE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reviewers and auditors see: the queue with flagged accounts first, filters (full page and htmx
 * fragment), bulk keep of unflagged accounts, a decision refused without a reason, the campaign page,
 * its PDF and CSV report; and no one deciding about their own account.
 */
class AccessReviewPagesTest extends MailAndClockTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String campaignWithCsv(Http api) {
        for (String who : new String[]{"a", "b"}) {
            Http.Response person = api.postJson("/api/v1/people", """
                    {"name":"%1$s %2$s","email":"%1$s.%2$s@example.test","employmentType":"employee","startDate":"2020-01-01"}"""
                    .formatted(who, run));
            assertThat(person.status()).as(person.body()).isEqualTo(201);
        }
        String system = AccessReviewSupport.system(api, """
                {"name":"Wiki %s","kind":"csv","ownerEmail":"%s"}""".formatted(run, AttestTest.ADMIN_EMAIL));
        Http.Response uploaded = api.post(BASE + "/systems/" + system + "/accounts.csv", "text/csv", """
                account_id,display_name,email,roles,privileged
                a-%1$s,Plain A,a.%1$s@example.test,reader,no
                b-%1$s,Plain B,b.%1$s@example.test,reader,no
                z-%1$s,Root Z,a.%1$s@example.test,admin,yes
                """.formatted(run));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        return AccessReviewSupport.startedCampaign(api, "Wiki " + run, system);
    }

    @Test
    void theQueueShowsFlaggedAccountsFirstKeepsUnflaggedInBulkAndReportsAsPdfAndCsv() throws Exception {
        Http api = AccessReviewSupport.admin(port);
        String campaign = campaignWithCsv(api);
        Http browser = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);

        String page = browser.get("/access-reviews/queue?system=Wiki+" + run).body();
        assertThat(page).contains("<html", "z-" + run, "Keep selected");
        assertThat(page.indexOf("data-account=\"z-" + run + "\"")).as("flagged first in the table")
                .isLessThan(page.indexOf("<td>Plain A (a-" + run + ")"));
        Http.Response fragment = browser.get("/access-reviews/queue?flag=privileged&system=Wiki+" + run, Map.of("HX-Request", "true"));
        assertThat(fragment.body()).doesNotContain("<html").contains("z-" + run).doesNotContain("Plain A");
        assertThat(browser.get("/access-reviews/queue?flag=nonsense").body()).contains("one of terminated");

        Map<String, JsonNode> items = AccessReviewSupport.items(api, campaign);
        String flagged = items.get("z-" + run).get("id").asText();
        Http.Response noReason = browser.postForm("/access-reviews/queue", "/access-reviews/queue/decision",
                Map.of("campaignId", campaign, "itemId", flagged, "decision", "keep", "comment", ""), Map.of());
        assertThat(noReason.status()).isEqualTo(302);
        assertThat(browser.get("/access-reviews/queue").body()).contains("needs a reason");

        Http.Response bulk = browser.postForm("/access-reviews/queue", "/access-reviews/queue/bulk-keep?item=" + campaign + ":"
                + items.get("a-" + run).get("id").asText() + "&item=" + campaign + ":" + items.get("b-" + run).get("id").asText(), Map.of(), Map.of());
        assertThat(bulk.status()).isEqualTo(302);
        assertThat(browser.get("/access-reviews/queue").body()).contains("2 account(s) kept");
        Http.Response decided = browser.postForm("/access-reviews/queue", "/access-reviews/queue/decision",
                Map.of("campaignId", campaign, "itemId", flagged, "decision", "change", "roles", "reader", "comment", "least privilege"), Map.of());
        assertThat(decided.status()).isEqualTo(302);

        String campaignPage = browser.get("/access-reviews/campaigns/" + campaign).body();
        assertThat(campaignPage).contains("Wiki " + run, "remediation", "keep: 2", "change: 1", "privileged: 1", "least privilege");
        assertThat(browser.get("/access-reviews").body()).contains("Wiki " + run);

        byte[] pdf = browser.getBytes("/access-reviews/campaigns/" + campaign + "/report.pdf");
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Access review: Wiki " + run, "keep: 2", "change: 1", "privileged: 1", "change z-" + run + " in Wiki " + run);
        }
        String csv = new String(browser.getBytes("/access-reviews/campaigns/" + campaign + "/report.csv"));
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("campaign,system,account_id");
        assertThat(csv).contains("z-" + run, "least privilege", "open");
    }

    @Test
    void nobodyDecidesAboutTheirOwnAccount() {
        Http api = AccessReviewSupport.admin(port);
        TestMember otherAdmin = memberWith("admin", defaultWorkspace());
        String system = AccessReviewSupport.system(api, """
                {"name":"Attest %s","kind":"attest","ownerEmail":"%s"}""".formatted(run, AttestTest.ADMIN_EMAIL));
        String campaign = AccessReviewSupport.startedCampaign(api, "Attest " + run, system);
        Map<String, JsonNode> items = AccessReviewSupport.items(api, campaign);
        JsonNode own = items.get(AttestTest.ADMIN_EMAIL);
        assertThat(own.get("reviewer").asText()).as("goes to another admin").isNotEqualTo(AttestTest.ADMIN_EMAIL);
        assertThat(own.get("flags").toString()).contains("PRIVILEGED");
        Http.Response refused = AccessReviewSupport.decide(api, campaign, own, "{\"decision\":\"keep\",\"comment\":\"it is me\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("your own account");

        Http.Response byOther = AccessReviewSupport.decide(Http.withToken(port, otherAdmin.token()), campaign, own,
                "{\"decision\":\"keep\",\"comment\":\"the workspace owner\"}");
        assertThat(byOther.status()).as(byOther.body()).isEqualTo(200);
        JsonNode history = api.get(BASE + "/campaigns/" + campaign + "/accounts/" + own.get("id").asText() + "/history").json();
        assertThat(history.get(0).get("decidedBy").asText()).isEqualTo(otherAdmin.email() + " (token)");
    }

    @Test
    void aCampaignFormShowsEveryBadFieldAtOnce() {
        // the campaign form is offered once there is a system to review
        AccessReviewSupport.system(AccessReviewSupport.admin(port), """
                {"name":"Forms %s","kind":"csv","ownerEmail":"%s"}""".formatted(run, AttestTest.ADMIN_EMAIL));
        Http browser = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        Http.Response refused = browser.postForm("/access-reviews", "/access-reviews/campaigns",
                Map.of("name", " ", "dueOn", "31/03/2027", "dormantDays", "many"), Map.of());
        assertThat(refused.status()).as("the form again, not a redirect to a new campaign").isEqualTo(200);
        assertThat(refused.body()).contains("data-testid=\"campaign-name-error\"", "data-testid=\"campaign-due-error\"",
                "data-testid=\"campaign-systems-error\"", "between 1 and 3650 days");
    }
}
