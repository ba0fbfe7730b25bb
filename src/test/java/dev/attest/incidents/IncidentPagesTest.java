package dev.attest.incidents;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident pages as a browser without JavaScript sees them, and the htmx fragments. */
@AttestTest
class IncidentPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static String path(Http.Response redirect) {
        return redirect.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    private static Map<String, String> triage(String status, String data) {
        Map<String, String> form = new HashMap<>(Map.of("title", "Lost backup tape", "description", "", "severity", "high",
                "status", status, "lead", "", "data", data, "systems", "backup-01", "customers", "Acme\nGlobex",
                "individualsAffected", "650", "residentsByState", "CA=520, NY=130"));
        form.put("discoveredAt", "");
        return form;
    }

    @Test
    void anEmployeeReportsFromThePageAndGetsAReferenceButNotTheList() {
        ExtraAccounts.Account employee = ExtraAccounts.inDefaultWorkspace(jdbc, "employee");
        Http http = Http.signedIn(port, employee.email(), ExtraAccounts.PASSWORD);

        Http.Response form = http.get("/incidents/report");
        assertThat(form.status()).isEqualTo(200);
        // The navigation leads an employee to the report form, and not to pages their role cannot open.
        assertThat(form.body()).contains("href=\"/incidents/report\"").doesNotContain("href=\"/risks\"", "href=\"/incidents\"");
        Http.Response refused = http.postForm("/incidents/report", Map.of("title", "", "description", "x", "discoveredAt", "", "systems", ""));
        assertThat(refused.body()).contains("data-field=\"title\"");

        Http.Response reported = http.postForm("/incidents/report",
                Map.of("title", "USB stick found in car park", "description", "", "discoveredAt", "", "systems", ""));
        assertThat(reported.status()).isEqualTo(200);
        assertThat(reported.body()).contains("data-testid=\"reported\"", "Thank you");
        assertThat(http.get("/incidents").status()).isEqualTo(403);
    }

    @Test
    void theSecurityTeamTriagesDeterminesTheBreachAndRecordsNotificationsFromThePage() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http http = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);

        Http.Response reported = http.postForm("/incidents/report",
                Map.of("title", "Lost backup tape", "description", "", "discoveredAt", "", "systems", "backup-01"));
        assertThat(reported.status()).isEqualTo(302);
        String page = path(reported);
        assertThat(http.get(page).body()).contains("Lost backup tape", "Reported by " + ws.email(), "Not determined to be a breach")
                .doesNotContain("style=")
                // Not known yet: empty, so typing a number does not append to a 0.
                .containsPattern("<input type=\"number\" min=\"0\" name=\"individualsAffected\" value=\"\"");

        Http.Response badTriage = http.postForm(page, page, Map.of("title", "Lost backup tape", "status", "open",
                "individualsAffected", "lots", "residentsByState", "California"), Map.of());
        assertThat(badTriage.status()).isEqualTo(200);
        assertThat(badTriage.body()).contains("data-field=\"individualsAffected\"", "data-field=\"residentsByState\"");

        assertThat(http.postForm(page, page, triage("contained", "health"), Map.of()).status()).isEqualTo(302);
        assertThat(http.get(page).body()).contains("data-testid=\"severity\">high", "Status open → contained");

        assertThat(http.postForm(page, page + "/breach", Map.of("risk", "risk", "awareAt", ""), Map.of()).status()).isEqualTo(302);
        String withClocks = http.get(page).body();
        assertThat(withClocks).contains("data-clock=\"gdpr-art33\"", "data-clock=\"hipaa-individuals\"", "data-clock=\"hipaa-hhs\"",
                "data-clock=\"hipaa-media:CA\"", "data-clock=\"customers\"", "Prominent media outlets in CA", "Acme, Globex")
                .doesNotContain("data-clock=\"hipaa-media:NY\"", "data-clock=\"gdpr-art34\"");

        Http.Response closeRefused = http.postForm(page, page, triage("closed", "health"), Map.of());
        assertThat(closeRefused.status()).isEqualTo(200);
        assertThat(closeRefused.body()).contains("data-field=\"status\"", "record the notifications still open");

        Http.Response noEvidence = http.postForm(page, page + "/notifications/gdpr-art33", Map.of("sentAt", "", "evidence", ""),
                Map.of("HX-Request", "true"));
        assertThat(noEvidence.body()).doesNotContain("<html").contains("data-testid=\"notify-error\"", "say how it was sent");

        Http.Response recorded = http.postForm(page, page + "/notifications/gdpr-art33",
                Map.of("sentAt", "", "evidence", "Filed on the authority's portal, ref 42"), Map.of("HX-Request", "true"));
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.body()).doesNotContain("<html").contains("id=\"clocks\"", "Notification recorded.",
                "data-clock=\"gdpr-art33\" data-state=\"sent\"", "ref 42");

        for (String key : new String[]{"hipaa-individuals", "hipaa-hhs", "hipaa-media:CA", "state:CA", "state:NY", "customers"}) {
            assertThat(http.postForm(page, page + "/notifications/" + key, Map.of("sentAt", "", "evidence", "letter " + key), Map.of())
                    .status()).isEqualTo(302);
        }
        assertThat(http.postForm(page, page, triage("closed", "health"), Map.of()).status()).isEqualTo(302);
        assertThat(http.get(page).body()).contains("data-testid=\"status\">closed");

        Http.Response list = http.get("/incidents?status=closed", Map.of("HX-Request", "true"));
        assertThat(list.body()).doesNotContain("<html").contains("Lost backup tape", "all notified");
        assertThat(http.get("/incidents?status=open").body()).contains("<html").doesNotContain("Lost backup tape");
    }

    @Test
    void timelineEntriesPostMortemAndActionItemsFromThePage() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http http = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);
        String page = path(http.postForm("/incidents/report", Map.of("title", "API outage", "description", "", "discoveredAt", "", "systems", "")));

        assertThat(http.postForm(page, page + "/timeline", Map.of("at", "", "entry", ""), Map.of()).body()).contains("data-field=\"entry\"");
        assertThat(http.postForm(page, page + "/timeline", Map.of("at", "2026-01-02T09:30", "entry", "Rolled back release 4.2"), Map.of())
                .status()).isEqualTo(302);
        assertThat(http.postForm(page, page + "/postmortem", Map.of("rootCause", "", "lessons", ""), Map.of()).body())
                .contains("data-field=\"rootCause\"");
        assertThat(http.postForm(page, page + "/postmortem", Map.of("rootCause", "Untested migration", "lessons", "Stage first"), Map.of())
                .status()).isEqualTo(302);
        assertThat(http.postForm(page, page + "/actions", Map.of("description", "Add migration test", "owner", ws.email(), "dueOn", "2027-01-15"),
                Map.of()).status()).isEqualTo(302);

        String body = http.get(page).body();
        assertThat(body).contains("2026-01-02 09:30 UTC", "Rolled back release 4.2", "Untested migration", "Add migration test", "2027-01-15",
                "Mark done");
    }

    @Test
    void exercisesAndSettingsPages() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http http = Http.signedIn(port, ws.email(), ExtraAccounts.PASSWORD);

        assertThat(http.get("/incidents/exercises").body()).contains("data-testid=\"no-exercise\"");
        Http.Response refused = http.postForm("/incidents/exercises", Map.of("heldOn", "", "scenario", "", "participants", "", "findings", ""));
        assertThat(refused.body()).contains("data-field=\"heldOn\"", "data-field=\"scenario\"", "data-field=\"participants\"");
        assertThat(http.postForm("/incidents/exercises", Map.of("heldOn", "2026-10-01", "scenario", "Cloud account takeover",
                "participants", "CTO\nCISO", "findings", "Runbook lacked contacts")).status()).isEqualTo(302);
        assertThat(http.get("/incidents/exercises").body()).contains("Cloud account takeover", "CTO, CISO");

        Http.Response badSettings = http.postForm("/incidents/settings", Map.of("customerNoticeHours", "0", "timeZone", "Nowhere"));
        assertThat(badSettings.body()).contains("data-field=\"customerNoticeHours\"", "data-field=\"timeZone\"");
        Http.Response saved = http.postForm("/incidents/settings", Map.of("customerNoticeHours", "24", "timeZone", "Europe/Berlin"));
        assertThat(saved.body()).contains("Saved.", "value=\"24\"", "value=\"Europe/Berlin\"");
    }
}
