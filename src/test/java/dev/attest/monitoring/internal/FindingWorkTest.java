package dev.attest.monitoring.internal;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working findings through the API as people do: assign, comment, link a ticket, request and approve
 * a risk acceptance that the pipeline leaves alone while the resource still fails, that a pass ends,
 * and that the scheduled job expires back to open when the clock reaches its date; bulk actions, the
 * sortable and paged worklist, and the CSV export.
 */
class FindingWorkTest extends MailAndClockTest {

    @Autowired
    FindingExceptionExpiry expiry;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private Http admin() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private void push(String host, boolean legacy) {
        dev.attest.support.FailingEndpoint.push(port, host, legacy);
    }

    private String failingFinding() {
        return dev.attest.support.FailingEndpoint.legacyTlsFinding(port);
    }

    private static String field(Http.Response response) {
        return response.json().get("errors").get(0).get("field").asText();
    }

    private String host(String findingId) {
        String resource = admin().get("/api/v1/findings/" + findingId + "/work").json().get("finding").get("finding").get("resourceId").asText();
        return resource.substring(0, resource.indexOf(':'));
    }

    @Test
    void aFindingIsAssignedCommentedAndLinkedToATicketEachInItsHistoryAndTheAuditTrail() {
        String id = failingFinding();
        TestMember engineer = memberWith("control_owner", defaultWorkspace());

        var assigned = admin().postJson("/api/v1/findings/" + id + "/assignee", "{\"assignee\": \"" + engineer.email().toUpperCase() + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("finding").get("assignee").asText()).isEqualTo(engineer.email());
        assertThat(assigned.json().get("finding").get("state").asText()).isEqualTo("open");
        assertThat(assigned.json().get("guidance").asText()).contains("RFC 8996");

        var stranger = admin().postJson("/api/v1/findings/" + id + "/assignee", "{\"assignee\": \"nobody@example.org\"}");
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(field(stranger)).isEqualTo("assignee");

        for (String bad : List.of("javascript:alert(1)", "ftp://files.example/x", "tracker/PROJ-1", "")) {
            var refused = admin().postJson("/api/v1/findings/" + id + "/ticket", "{\"ticketUrl\": \"" + bad + "\"}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(field(refused)).isEqualTo("ticketUrl");
        }
        var ticket = Http.withToken(port, engineer.token()).postJson("/api/v1/findings/" + id + "/ticket",
                "{\"ticketUrl\": \"https://tracker.example/SEC-42\"}");
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(200);
        assertThat(ticket.json().get("finding").get("ticketUrl").asText()).isEqualTo("https://tracker.example/SEC-42");

        var blank = admin().postJson("/api/v1/findings/" + id + "/comments", "{\"text\": \"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(field(blank)).isEqualTo("text");
        var tooLong = admin().postJson("/api/v1/findings/" + id + "/comments", "{\"text\": \"" + "x".repeat(901) + "\"}");
        assertThat(field(tooLong)).isEqualTo("text");
        var comment = admin().postJson("/api/v1/findings/" + id + "/comments", "{\"text\": \"The load balancer still offers TLS 1.0\"}");
        assertThat(comment.status()).isEqualTo(200);

        List<String> history = new ArrayList<>();
        comment.json().get("history").forEach(e -> history.add(e.get("event").asText() + " " + e.get("detail").asText()));
        assertThat(history).anyMatch(h -> h.startsWith("assigned") && h.contains(engineer.email()))
                .anyMatch(h -> h.startsWith("ticket-linked") && h.contains("SEC-42"))
                .anyMatch(h -> h.startsWith("commented") && h.contains("still offers TLS 1.0"));
        var trail = admin().get("/api/v1/audit-log?target=finding:" + id + "&size=50");
        assertThat(trail.body()).contains("monitoring.finding-assigned").contains("monitoring.finding-ticket-linked")
                .contains("monitoring.finding-commented");
    }

    @Test
    void anAcceptedRiskNeedsAnotherApproverSurvivesTheResourceStillFailingAndExpiresBackToOpen() {
        String id = failingFinding();
        TestMember approver = memberWith("compliance_manager", defaultWorkspace());
        String until = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();

        var self = admin().postJson("/api/v1/findings/" + id + "/acceptance",
                "{\"reason\": \"r\", \"approver\": \"" + AttestTest.ADMIN_EMAIL + "\", \"expiresOn\": \"" + until + "\"}");
        assertThat(self.status()).isEqualTo(400);
        assertThat(field(self)).isEqualTo("approver");
        for (String bad : List.of("yesterday", LocalDate.now(ZoneOffset.UTC).toString(), LocalDate.now(ZoneOffset.UTC).plusDays(400).toString())) {
            var refused = admin().postJson("/api/v1/findings/" + id + "/acceptance",
                    "{\"reason\": \"r\", \"approver\": \"" + approver.email() + "\", \"expiresOn\": \"" + bad + "\"}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(field(refused)).isEqualTo("expiresOn");
        }
        var noReason = admin().postJson("/api/v1/findings/" + id + "/acceptance",
                "{\"approver\": \"" + approver.email() + "\", \"expiresOn\": \"" + until + "\"}");
        assertThat(field(noReason)).isEqualTo("reason");

        var requested = admin().postJson("/api/v1/findings/" + id + "/acceptance",
                "{\"reason\": \"Legacy clients until the March migration\", \"approver\": \"" + approver.email() + "\", \"expiresOn\": \"" + until + "\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().get("finding").get("state").asText()).isEqualTo("open");

        var notTheApprover = admin().post("/api/v1/findings/" + id + "/acceptance/approval", "application/json", "");
        assertThat(notTheApprover.status()).isEqualTo(400);
        assertThat(field(notTheApprover)).isEqualTo("approver");
        var approved = Http.withToken(port, approver.token()).post("/api/v1/findings/" + id + "/acceptance/approval", "application/json", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("finding").get("state").asText()).isEqualTo("accepted");
        assertThat(admin().get("/api/v1/finding-exceptions").body()).contains(id).contains("Legacy clients");

        // the pipeline sees the resource still failing (a changed document, so it is evaluated again): still accepted
        String host = host(id);
        var pushedAgain = admin().postJson("/api/v1/resources", """
                {"resources": [{"type": "tls.endpoint", "id": "%s:443", "data": {"host": "%s", "tls10": true, "tls11": true,
                  "tls12": true, "tls13": true, "https": true, "hsts": true, "hstsMaxAge": 31536000, "daysToExpiry": 79,
                  "notBefore": "2025-01-01T00:00:00Z", "chainTrusted": true, "hostnameMatches": true, "keyType": "RSA",
                  "keySize": 2048, "signatureAlgorithm": "SHA256withRSA"}}]}""".formatted(host, host));
        assertThat(pushedAgain.status()).isEqualTo(202);
        assertThat(admin().get("/api/v1/findings/" + id + "/work").json().get("finding").get("state").asText()).isEqualTo("accepted");
        var acceptedList = admin().get("/api/v1/findings/worklist?status=accepted&size=500");
        assertThat(acceptedList.body()).contains(id);

        CLOCK.advance(Duration.ofDays(31));
        expiry.expire();
        var after = admin().get("/api/v1/findings/" + id + "/work").json();
        assertThat(after.get("finding").get("state").asText()).isEqualTo("open");
        assertThat(after.get("finding").get("exception").isNull()).isTrue();
        assertThat(after.get("history").toString()).contains("accept-expired");
        assertThat(admin().get("/api/v1/audit-log?target=finding:" + id + "&size=50").body())
                .contains("monitoring.finding-acceptance-requested").contains("monitoring.finding-risk-accepted")
                .contains("monitoring.finding-acceptance-expired");
    }

    @Test
    void aPassEndsTheExceptionAndClosesTheFinding() {
        String id = failingFinding();
        TestMember approver = memberWith("compliance_manager", defaultWorkspace());
        admin().postJson("/api/v1/findings/" + id + "/acceptance", "{\"reason\": \"r\", \"approver\": \"" + approver.email()
                + "\", \"expiresOn\": \"" + LocalDate.now(ZoneOffset.UTC).plusDays(10) + "\"}");
        Http.withToken(port, approver.token()).post("/api/v1/findings/" + id + "/acceptance/approval", "application/json", "");

        push(host(id), false);

        assertThat(admin().get("/api/v1/findings/" + id + "/work").json().get("finding").get("state").asText()).isEqualTo("closed");
        var again = admin().postJson("/api/v1/findings/" + id + "/acceptance", "{\"reason\": \"r\", \"approver\": \"" + approver.email()
                + "\", \"expiresOn\": \"" + LocalDate.now(ZoneOffset.UTC).plusDays(10) + "\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(field(again)).isEqualTo("status");
    }

    @Test
    void bulkActionsChangeEveryFindingNamedOrNone() {
        String first = failingFinding();
        String second = failingFinding();
        TestMember engineer = memberWith("control_owner", defaultWorkspace());

        var withUnknown = admin().postJson("/api/v1/findings/bulk", "{\"action\": \"assign\", \"assignee\": \"" + engineer.email()
                + "\", \"ids\": [\"" + first + "\", \"" + UUID.randomUUID() + "\"]}");
        assertThat(withUnknown.status()).isEqualTo(400);
        assertThat(field(withUnknown)).isEqualTo("ids");
        assertThat(admin().get("/api/v1/findings/" + first + "/work").json().get("finding").get("assignee").isNull()).isTrue();

        var badAction = admin().postJson("/api/v1/findings/bulk", "{\"action\": \"delete\", \"ids\": [\"" + first + "\"]}");
        assertThat(field(badAction)).isEqualTo("action");
        var none = admin().postJson("/api/v1/findings/bulk", "{\"action\": \"assign\", \"ids\": []}");
        assertThat(field(none)).isEqualTo("ids");

        var assigned = admin().postJson("/api/v1/findings/bulk", "{\"action\": \"assign\", \"assignee\": \"" + engineer.email()
                + "\", \"ids\": [\"" + first + "\", \"" + second + "\"]}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("changed").asInt()).isEqualTo(2);
        var mine = admin().get("/api/v1/findings/worklist?responsible=" + engineer.email() + "&size=500").json();
        assertThat(mine.get("total").asLong()).isEqualTo(2);

        var commented = admin().postJson("/api/v1/findings/bulk", "{\"action\": \"comment\", \"text\": \"Rolled into SEC-7\", \"ids\": [\""
                + first + "\", \"" + second + "\"]}");
        assertThat(commented.json().get("changed").asInt()).isEqualTo(2);
        assertThat(admin().get("/api/v1/findings/" + second + "/work").body()).contains("Rolled into SEC-7");

        var accepted = admin().postJson("/api/v1/findings/bulk", "{\"action\": \"accept\", \"reason\": \"Decommissioned next month\", "
                + "\"approver\": \"" + engineer.email() + "\", \"expiresOn\": \"" + LocalDate.now(ZoneOffset.UTC).plusDays(20)
                + "\", \"ids\": [\"" + first + "\", \"" + second + "\"]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(admin().get("/api/v1/findings/" + first + "/work").json().get("finding").get("exception").get("approver").asText())
                .isEqualTo(engineer.email());
    }

    @Test
    void theWorklistSortsPagesCountsAndRefusesWhatNamesNothing() {
        failingFinding();
        failingFinding();

        var page = admin().get("/api/v1/findings/worklist?sort=resource&dir=desc&size=1&page=2").json();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("pages").asLong()).isEqualTo(page.get("total").asLong());
        var firstTwo = admin().get("/api/v1/findings/worklist?sort=resource&dir=desc&size=2").json().get("items");
        assertThat(firstTwo.get(0).get("finding").get("resourceId").asText())
                .isGreaterThanOrEqualTo(firstTwo.get(1).get("finding").get("resourceId").asText());

        var unknownSort = admin().get("/api/v1/findings/worklist?sort=password");
        assertThat(unknownSort.status()).isEqualTo(400);
        assertThat(field(unknownSort)).isEqualTo("sort");
        var pastTheEnd = admin().get("/api/v1/findings/worklist?page=100000");
        assertThat(pastTheEnd.status()).isEqualTo(400);
        assertThat(field(pastTheEnd)).isEqualTo("page");
        assertThat(field(admin().get("/api/v1/findings/worklist?page=0"))).isEqualTo("page");
        assertThat(field(admin().get("/api/v1/findings/worklist?page=two"))).isEqualTo("page");
        assertThat(field(admin().get("/api/v1/findings/worklist?dir=sideways"))).isEqualTo("dir");
        assertThat(field(admin().get("/api/v1/findings/worklist?size=100000"))).isEqualTo("size");
        assertThat(field(admin().get("/api/v1/findings/worklist?status=ignored"))).isEqualTo("status");
    }

    @Test
    void theCsvExportHasAHeaderAndOneRowPerFindingOfTheFilter() {
        String id = failingFinding();

        var csv = admin().get("/api/v1/findings/export?check=tls-no-legacy-protocols&status=open");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,check,resource_type,resource,severity,control,state,responsible");
        assertThat(lines).anyMatch(l -> l.startsWith(id + ",tls-no-legacy-protocols,tls.endpoint,"));
        assertThat(java.util.Arrays.asList(lines).subList(1, lines.length)).allMatch(l -> l.contains(",tls-no-legacy-protocols,") && l.contains(",open,"));
        assertThat(admin().get("/api/v1/findings/export?sort=nonsense").status()).isEqualTo(400);
    }
}
