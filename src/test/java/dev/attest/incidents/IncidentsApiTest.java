package dev.attest.incidents;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Incidents through the API, from the report to the closed breach, each test in a workspace of its own. */
@AttestTest
class IncidentsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String report(Http http, String title) {
        Http.Response response = http.postJson("/api/v1/incidents", "{\"title\": \"" + title + "\", \"description\": \"seen in logs\", "
                + "\"systems\": [\"billing-db\"]}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static List<String> fields(Http.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private static Map<String, JsonNode> clocks(JsonNode notifications) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        notifications.forEach(n -> byKey.put(n.get("key").asString(), n));
        return byKey;
    }

    @Test
    void anyoneSignedInCanReportButOnlyTheSecurityTeamSeesAndTriages() {
        ExtraAccounts.Account employee = ExtraAccounts.inDefaultWorkspace(jdbc, "employee");
        Http asEmployee = Http.withToken(port, employee.token());
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);

        String id = report(asEmployee, "Phishing mail opened " + employee.email());

        assertThat(asEmployee.get("/api/v1/incidents").status()).isEqualTo(403);
        assertThat(asEmployee.get("/api/v1/incidents/" + id).status()).isEqualTo(403);
        assertThat(asEmployee.patchJson("/api/v1/incidents/" + id, "{\"severity\": \"low\"}").status()).isEqualTo(403);

        JsonNode incident = admin.get("/api/v1/incidents/" + id).json();
        assertThat(incident.get("status").asString()).isEqualTo("open");
        assertThat(incident.get("reportedBy").asString()).isEqualTo(employee.email() + " (token)");
        assertThat(incident.get("severity").isNull()).isTrue();
        assertThat(admin.get("/api/v1/incidents/" + id + "/timeline").body()).contains("Reported by " + employee.email());
    }

    @Test
    void triageRecordsSeverityStatusAndWhatWasAffectedInTheTimeline() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        String id = report(api, "Stolen laptop");

        Http.Response triaged = api.patchJson("/api/v1/incidents/" + id, """
                {"severity": "high", "status": "contained", "lead": "%s", "data": ["personal", "customer"],
                 "systems": ["laptop-042", "crm"], "customers": ["Acme", "Globex"], "individualsAffected": 120}""".formatted(ws.email()));

        assertThat(triaged.status()).as(triaged.body()).isEqualTo(200);
        JsonNode incident = triaged.json();
        assertThat(incident.get("severity").asString()).isEqualTo("high");
        assertThat(incident.get("status").asString()).isEqualTo("contained");
        assertThat(incident.get("data").toString()).isEqualTo("[\"customer\",\"personal\"]");
        assertThat(incident.get("customers").toString()).isEqualTo("[\"Acme\",\"Globex\"]");
        assertThat(incident.get("breach").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/incidents/" + id + "/timeline").body())
                .contains("Severity set to high", "Status open → contained", "Customers affected: Acme, Globex");

        Http.Response entry = api.postJson("/api/v1/incidents/" + id + "/timeline",
                "{\"at\": \"" + Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS) + "\", \"entry\": \"Laptop wiped remotely\"}");
        assertThat(entry.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/incidents/" + id + "/timeline").body()).contains("Laptop wiped remotely");
    }

    @Test
    void badTriageNamesEachFieldAndChangesNothing() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        String id = report(api, "Odd traffic");

        Http.Response refused = api.patchJson("/api/v1/incidents/" + id, """
                {"severity": "apocalyptic", "status": "done", "lead": "stranger@example.test", "data": ["secrets"],
                 "individualsAffected": -4, "residentsByState": {"California": 3}}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("severity", "status", "lead", "data", "individualsAffected", "residentsByState");
        assertThat(api.get("/api/v1/incidents/" + id).json().get("status").asString()).isEqualTo("open");

        assertThat(api.patchJson("/api/v1/incidents/" + id, "{\"priority\": 1}").status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/incidents", "{\"title\": \" \"}").status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/incidents/" + id + "/timeline", "{\"at\": \"2999-01-01T00:00:00Z\", \"entry\": \"x\"}").status())
                .isEqualTo(400);
    }

    @Test
    void aBreachStartsEveryClockThatAppliesAndCannotCloseUntilEachNotificationIsRecorded() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        assertThat(api.putJson("/api/v1/incidents/settings", "{\"customerNoticeHours\": 48, \"timeZone\": \"America/New_York\"}").status())
                .isEqualTo(200);
        String id = report(api, "Patient portal exposed");
        Instant discovered = Instant.now().minus(Duration.ofHours(100)).truncatedTo(ChronoUnit.SECONDS);
        Instant aware = Instant.now().minus(Duration.ofHours(80)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(api.patchJson("/api/v1/incidents/" + id, """
                {"severity": "critical", "data": ["personal", "health", "customer"], "customers": ["Clinic One"],
                 "individualsAffected": 700, "residentsByState": {"CA": 600, "ny": 100}, "discoveredAt": "%s"}""".formatted(discovered))
                .status()).isEqualTo(200);

        Http.Response determined = api.postJson("/api/v1/incidents/" + id + "/breach",
                "{\"risk\": \"high\", \"awareAt\": \"" + aware + "\"}");

        assertThat(determined.status()).as(determined.body()).isEqualTo(200);
        Map<String, JsonNode> clocks = clocks(determined.json());
        assertThat(clocks.keySet()).containsExactlyInAnyOrder("gdpr-art33", "gdpr-art34", "hipaa-individuals", "hipaa-hhs",
                "hipaa-media:CA", "state:CA", "state:NY", "customers");
        assertThat(Instant.parse(clocks.get("gdpr-art33").get("due").asString())).isEqualTo(aware.plus(Duration.ofHours(72)));
        assertThat(clocks.get("gdpr-art33").get("state").asString()).isEqualTo("overdue");
        assertThat(clocks.get("gdpr-art33").get("recipient").asString()).isEqualTo("Lead supervisory authority");
        assertThat(Instant.parse(clocks.get("customers").get("due").asString())).isEqualTo(aware.plus(Duration.ofHours(48)));
        assertThat(clocks.get("customers").get("recipient").asString()).contains("Clinic One");
        assertThat(clocks.get("hipaa-individuals").get("state").asString()).isEqualTo("open");

        Http.Response refusedClose = api.patchJson("/api/v1/incidents/" + id, "{\"status\": \"closed\"}");
        assertThat(refusedClose.status()).isEqualTo(400);
        assertThat(fields(refusedClose)).containsExactly("status");
        assertThat(refusedClose.body()).contains("GDPR Art. 33", "HIPAA 164.406");

        Http.Response noEvidence = api.postJson("/api/v1/incidents/" + id + "/notifications/gdpr-art33", "{\"evidence\": \"\"}");
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(fields(noEvidence)).containsExactly("evidence");
        assertThat(api.postJson("/api/v1/incidents/" + id + "/notifications/nope", "{\"evidence\": \"x\"}").status()).isEqualTo(404);

        Http.Response late = api.postJson("/api/v1/incidents/" + id + "/notifications/gdpr-art33",
                "{\"evidence\": \"DPA portal reference 2026-118\"}");
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().get("state").asString()).isEqualTo("sent_late");
        Http.Response onTime = api.postJson("/api/v1/incidents/" + id + "/notifications/hipaa-individuals",
                "{\"sentAt\": \"" + aware.plus(Duration.ofHours(30)) + "\", \"evidence\": \"letters-batch-1.pdf\"}");
        assertThat(onTime.json().get("state").asString()).isEqualTo("sent");
        assertThat(api.postJson("/api/v1/incidents/" + id + "/notifications/gdpr-art33", "{\"evidence\": \"again\"}").status()).isEqualTo(400);
        for (String key : List.of("gdpr-art34", "hipaa-hhs", "hipaa-media:CA", "state:CA", "state:NY", "customers")) {
            assertThat(api.postJson("/api/v1/incidents/" + id + "/notifications/" + key, "{\"evidence\": \"sent " + key + "\"}").status())
                    .isEqualTo(200);
        }

        Http.Response closed = api.patchJson("/api/v1/incidents/" + id, "{\"status\": \"closed\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("closed");
        assertThat(closed.json().get("closedAt").isNull()).isFalse();
        assertThat(api.get("/api/v1/incidents/" + id + "/timeline").body())
                .contains("Determined a breach", "Notified Lead supervisory authority (GDPR Art. 33)", "after the deadline",
                        "letters-batch-1.pdf", "Status open → closed");
    }

    @Test
    void newFactsMoveTheClocksAndKeepWhatWasSent() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        String id = report(api, "Misdirected email");
        api.patchJson("/api/v1/incidents/" + id, "{\"data\": [\"health\"], \"individualsAffected\": 40}");
        Map<String, JsonNode> before = clocks(api.postJson("/api/v1/incidents/" + id + "/breach", "{\"risk\": \"risk\"}").json());
        assertThat(before.keySet()).containsExactlyInAnyOrder("gdpr-art33", "hipaa-individuals", "hipaa-hhs-annual");
        api.postJson("/api/v1/incidents/" + id + "/notifications/gdpr-art33", "{\"evidence\": \"ICO ref 77\"}");

        JsonNode after = api.patchJson("/api/v1/incidents/" + id, "{\"individualsAffected\": 800}").json();

        Map<String, JsonNode> clocks = clocks(after.get("notifications"));
        assertThat(clocks.keySet()).containsExactlyInAnyOrder("gdpr-art33", "hipaa-individuals", "hipaa-hhs");
        assertThat(clocks.get("gdpr-art33").get("evidence").asString()).isEqualTo("ICO ref 77");
    }

    @Test
    void aBreachDeterminationNeedsARiskAndASensibleAwarenessTime() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        String id = report(api, "Unclear");

        Http.Response refused = api.postJson("/api/v1/incidents/" + id + "/breach", "{\"risk\": \"maybe\", \"awareAt\": \"yesterday\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("risk", "awareAt");
        Http.Response beforeDiscovery = api.postJson("/api/v1/incidents/" + id + "/breach", "{\"risk\": \"high\", \"awareAt\": \"2001-01-01T00:00:00Z\"}");
        assertThat(fields(beforeDiscovery)).containsExactly("awareAt");
        assertThat(api.get("/api/v1/incidents/" + id).json().get("breach").asBoolean()).isFalse();
    }

    @Test
    void anIncidentOfAnotherWorkspaceIsNotFound() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        String id = report(Http.withToken(port, ws.token()), "Ours alone");
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);

        assertThat(admin.get("/api/v1/incidents/" + id).status()).isEqualTo(404);
        assertThat(admin.patchJson("/api/v1/incidents/" + id, "{\"severity\": \"low\"}").status()).isEqualTo(404);
        assertThat(admin.postJson("/api/v1/incidents/" + id + "/breach", "{\"risk\": \"high\"}").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/incidents").body()).doesNotContain(id);
    }

    @Test
    void aPostMortemHasRootCauseLessonsAndActionItemsWithOwnersAndDueDates() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        String id = report(api, "Outage");

        assertThat(fields(api.putJson("/api/v1/incidents/" + id + "/postmortem", "{\"rootCause\": \"\"}"))).containsExactly("rootCause");
        assertThat(api.putJson("/api/v1/incidents/" + id + "/postmortem",
                "{\"rootCause\": \"Expired certificate\", \"lessons\": \"Monitor expiry\"}").status()).isEqualTo(200);
        Http.Response badAction = api.postJson("/api/v1/incidents/" + id + "/postmortem/actions",
                "{\"description\": \"\", \"owner\": \"x@example.test\", \"dueOn\": \"soon\"}");
        assertThat(fields(badAction)).containsExactlyInAnyOrder("description", "owner", "dueOn");
        Http.Response action = api.postJson("/api/v1/incidents/" + id + "/postmortem/actions",
                "{\"description\": \"Alert 30 days before expiry\", \"owner\": \"" + ws.email() + "\", \"dueOn\": \"2027-01-31\"}");
        assertThat(action.status()).isEqualTo(201);
        String actionId = action.json().get("id").asString();
        assertThat(api.patchJson("/api/v1/incidents/" + id + "/postmortem/actions/" + actionId, "{\"done\": true}").status()).isEqualTo(204);

        JsonNode pm = api.get("/api/v1/incidents/" + id + "/postmortem").json();
        assertThat(pm.get("rootCause").asString()).isEqualTo("Expired certificate");
        assertThat(pm.get("actions").get(0).get("owner").asString()).isEqualTo(ws.email());
        assertThat(pm.get("actions").get(0).get("dueOn").asString()).isEqualTo("2027-01-31");
        assertThat(pm.get("actions").get(0).get("doneAt").isNull()).isFalse();
    }

    @Test
    void tabletopExercisesAreRecordedWithDateScenarioParticipantsAndFindings() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());

        Http.Response refused = api.postJson("/api/v1/incidents/exercises", "{\"heldOn\": \"2999-01-01\", \"scenario\": \"\", \"participants\": []}");
        assertThat(fields(refused)).containsExactlyInAnyOrder("heldOn", "scenario", "participants");

        Http.Response recorded = api.postJson("/api/v1/incidents/exercises", """
                {"heldOn": "2026-09-15", "scenario": "Ransomware on the build servers", "participants": ["CTO", "Head of Support"],
                 "findings": "Backups restore took 9 hours"}""");
        assertThat(recorded.status()).isEqualTo(201);
        JsonNode list = api.get("/api/v1/incidents/exercises").json();
        assertThat(list.get(0).get("scenario").asString()).isEqualTo("Ransomware on the build servers");
        assertThat(list.get(0).get("participants").toString()).isEqualTo("[\"CTO\",\"Head of Support\"]");
    }

    @Test
    void settingsRefuseANonsenseZoneOrHours() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());

        assertThat(api.get("/api/v1/incidents/settings").json().get("customerNoticeHours").asInt()).isEqualTo(72);
        Http.Response refused = api.putJson("/api/v1/incidents/settings", "{\"customerNoticeHours\": 0, \"timeZone\": \"Mars/Olympus\"}");
        assertThat(fields(refused)).containsExactlyInAnyOrder("customerNoticeHours", "timeZone");
        assertThat(api.get("/api/v1/incidents/settings").json().get("timeZone").asString()).isEqualTo("UTC");
    }

    @Test
    void aLocalTimeIsReadInTheWorkspaceZoneAndDayCountsEndAtItsMidnight() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        api.putJson("/api/v1/incidents/settings", "{\"customerNoticeHours\": 24, \"timeZone\": \"America/New_York\"}");
        String id = report(api, "Late-evening discovery");

        // 21:00 on 31 December 2025 in New York is 02:00 on 1 January 2026 in UTC.
        JsonNode triaged = api.patchJson("/api/v1/incidents/" + id,
                "{\"discoveredAt\": \"2025-12-31T21:00\", \"data\": [\"health\"], \"individualsAffected\": 12}").json();
        assertThat(triaged.get("discoveredAt").asString()).isEqualTo("2026-01-01T02:00:00Z");
        Map<String, JsonNode> clocks = clocks(api.postJson("/api/v1/incidents/" + id + "/breach",
                "{\"risk\": \"unlikely\", \"awareAt\": \"2026-01-02T09:00\"}").json());

        // Counted from 31 December 2025 in New York: 60 days end on 1 March 2026 at midnight there (EST, UTC-5),
        // and the breach belongs to 2025's yearly HHS log, due 60 days after 2025 ends: also 1 March 2026.
        assertThat(clocks.keySet()).containsExactlyInAnyOrder("hipaa-individuals", "hipaa-hhs-annual");
        assertThat(clocks.get("hipaa-individuals").get("due").asString()).isEqualTo("2026-03-02T04:59:59Z");
        assertThat(clocks.get("hipaa-hhs-annual").get("due").asString()).isEqualTo("2026-03-02T04:59:59Z");
    }

    @Test
    void anAuditorReadsIncidentsAndRisksOnlyThroughAnAuditAndChangesNothing() {
        ExtraAccounts.Account auditor = ExtraAccounts.inDefaultWorkspace(jdbc, "auditor");
        Http http = Http.withToken(port, auditor.token());
        String id = report(Http.withToken(port, AttestTest.ADMIN_TOKEN), "Not seen by the auditor");

        // the workspace-wide auditor role reads records only through the audits it is invited to (their populations)
        assertThat(http.get("/api/v1/incidents/" + id).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/incidents/exercises").status()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/incidents", "{\"title\": \"x\"}").status()).isEqualTo(403);
        assertThat(http.patchJson("/api/v1/incidents/" + id, "{\"severity\": \"low\"}").status()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/incidents/" + id + "/breach", "{\"risk\": \"high\"}").status()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/incidents/exercises", "{}").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/risks").status()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/risks", "{}").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/risks/import", "text/csv", "title\n").status()).isEqualTo(403);
    }
}
