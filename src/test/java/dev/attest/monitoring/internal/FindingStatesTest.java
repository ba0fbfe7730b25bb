package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.FindingFilter;
import dev.attest.monitoring.Monitoring;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A risk-accepted finding is not open: the findings API, the monitoring overview and the dashboard list it under
 * its own state, "accepted". A finding past its due date counts as overdue on the dashboard, which links to the
 * findings list narrowed to the overdue ones.
 */
class FindingStatesTest extends MailAndClockTest {

    @Autowired
    Monitoring monitoring;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private Http admin() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private Http signedIn() {
        return Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
    }

    private static List<String> ids(Http.Response findings) {
        List<String> ids = new ArrayList<>();
        findings.json().forEach(f -> ids.add(f.get("id").asText() + " " + f.get("status").asText()));
        return ids;
    }

    private String accepted(int forDays) {
        String id = dev.attest.support.FailingEndpoint.legacyTlsFinding(port);
        TestMember approver = memberWith("compliance_manager", defaultWorkspace());
        var requested = admin().postJson("/api/v1/findings/" + id + "/acceptance", "{\"reason\": \"Legacy clients\", \"approver\": \""
                + approver.email() + "\", \"expiresOn\": \"" + LocalDate.now(CLOCK).plusDays(forDays) + "\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        var approved = Http.withToken(port, approver.token()).post("/api/v1/findings/" + id + "/acceptance/approval", "application/json", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    @Test
    void anAcceptedFindingIsListedUnderItsOwnStateNotAsOpen() {
        WorkspaceId workspace = new WorkspaceId(defaultWorkspace());
        String open = dev.attest.support.FailingEndpoint.legacyTlsFinding(port);
        long openBefore = monitoring.countFindings(workspace, FindingFilter.open());
        long acceptedBefore = monitoring.countFindings(workspace, FindingFilter.accepted());
        String id = accepted(30); // a new finding, opened then accepted: the open count is as before

        assertThat(monitoring.countFindings(workspace, FindingFilter.open())).isEqualTo(openBefore);
        assertThat(monitoring.countFindingsBySeverity(workspace, FindingFilter.open()).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(openBefore);
        assertThat(monitoring.countFindings(workspace, FindingFilter.accepted())).isEqualTo(acceptedBefore + 1);
        var openList = admin().get("/api/v1/findings?status=open&limit=1000");
        assertThat(ids(openList)).contains(open + " open").noneMatch(f -> f.startsWith(id));
        assertThat(openList.header("X-Total-Count")).isEqualTo(String.valueOf(openBefore));
        var acceptedList = admin().get("/api/v1/findings?status=accepted&limit=1000");
        assertThat(ids(acceptedList)).contains(id + " accepted").allMatch(f -> f.endsWith(" accepted"));
        // unfiltered, it is listed with its state; its JSON keeps the fields of every finding
        var all = admin().get("/api/v1/findings?check=tls-no-legacy-protocols&limit=1000");
        assertThat(ids(all)).contains(id + " accepted", open + " open");
        var one = admin().get("/api/v1/findings/" + id).json().get("finding");
        assertThat(one.get("status").asText()).isEqualTo("accepted");
        assertThat(one.has("dueAt")).isTrue();

        var refused = admin().get("/api/v1/findings?status=excepted");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("status");

        var overview = signedIn().get("/monitoring");
        assertThat(overview.body()).contains("data-testid=\"accepted-findings\"").contains("/monitoring/findings?status=accepted");
        var dashboard = signedIn().get("/");
        assertThat(dashboard.body()).contains("data-testid=\"accepted-findings\"");

        // when the exception lapses (before the expiry job has run) it counts as open again
        CLOCK.advance(Duration.ofDays(31));
        assertThat(ids(admin().get("/api/v1/findings?status=open&limit=1000"))).contains(id + " open");
    }

    @Test
    void overdueFindingsAreCountedOnTheDashboardAndLinkToTheirList() {
        WorkspaceId workspace = new WorkspaceId(defaultWorkspace());
        String late = dev.attest.support.FailingEndpoint.legacyTlsFinding(port);
        String acceptedLate = accepted(364);
        var due = java.time.Instant.parse(admin().get("/api/v1/findings/" + late).json().get("finding").get("dueAt").asText());
        CLOCK.advance(Duration.between(CLOCK.instant(), due).plusDays(1));

        long overdue = monitoring.countOverdueFindings(workspace);
        assertThat(overdue).isPositive();
        // latest due first: on a database other tests share, more findings than a page may be overdue by now
        var list = admin().get("/api/v1/findings/worklist?overdue=true&size=500&sort=due&dir=desc").json();
        assertThat(list.get("total").asLong()).isEqualTo(overdue);
        List<String> listed = new ArrayList<>();
        list.get("items").forEach(i -> listed.add(i.get("finding").get("id").asText()));
        assertThat(listed).contains(late).doesNotContain(acceptedLate);
        list.get("items").forEach(i -> assertThat(i.get("state").asText()).isEqualTo("open"));

        var bad = admin().get("/api/v1/findings/worklist?overdue=soon");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("overdue");

        String dashboard = signedIn().get("/").body();
        assertThat(dashboard).contains("/monitoring/findings?status=open&amp;overdue=true")
                .containsPattern("<strong>" + overdue + "</strong>\\s*<span>Findings? past due</span>");
        var page = signedIn().get("/monitoring/findings?status=open&overdue=true&size=500&sort=due&dir=desc");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(late).doesNotContain(acceptedLate)
                .contains("<option value=\"true\" selected=\"selected\">Overdue</option>");
    }
}
