package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.internal.BreachClocks;
import dev.attest.incidents.internal.Exercises;
import dev.attest.incidents.internal.PostMortems;
import dev.attest.incidents.internal.Triage;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.support.AttestTest;
import dev.attest.support.BuiltInChecks;
import dev.attest.support.ExtraAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What incidents offer monitoring (incidents.incident, incidents.exercise) run through checks/incidents.yaml, and the calendar. */
@AttestTest
class IncidentFeedsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Triage triage;

    @Autowired
    BreachClocks breachClocks;

    @Autowired
    PostMortems postMortems;

    @Autowired
    Exercises exercises;

    @Autowired
    List<ResourceSource> sources;

    @Autowired
    List<ObligationSource> obligationSources;

    final BuiltInChecks checks = new BuiltInChecks("incidents.yaml");

    private List<Resource> resources(WorkspaceId workspace, String type) {
        ResourceSource source = sources.stream().filter(s -> s.types().contains(type)).findFirst().orElseThrow();
        return source.resources(workspace).stream().filter(r -> r.type().equals(type)).toList();
    }

    private Incident breach(WorkspaceId workspace, String title, Duration awareAgo) {
        Instant aware = Instant.now().minus(awareAgo).truncatedTo(ChronoUnit.SECONDS);
        Incident incident = triage.report(workspace, new ReportIncident(title, null, aware.minus(Duration.ofHours(1)), List.of()), "test");
        triage.triage(workspace, incident.id(), new TriageIncident(title, null, null, Severity.HIGH, IncidentStatus.OPEN, null,
                Set.of(DataCategory.PERSONAL), List.of(), List.of(), 10, Map.of()), "test");
        breachClocks.determine(workspace, incident.id(), new DetermineBreach(BreachRisk.RISK, aware), "test");
        return incident;
    }

    @Test
    void aBreachPassesWhileItsClockRunsAndFailsOnceItIsOverdue() {
        WorkspaceId workspace = new WorkspaceId(ExtraAccounts.inNewWorkspace(jdbc).workspaceId());
        Incident running = breach(workspace, "Running clock", Duration.ofHours(10));
        Incident overdue = breach(workspace, "Overdue clock", Duration.ofHours(73));
        Incident sentLate = breach(workspace, "Sent late", Duration.ofHours(80));
        breachClocks.record(workspace, sentLate.id(), "gdpr-art33", new RecordNotification(null, "filed today"), "test");
        Incident sentInTime = breach(workspace, "Sent in time", Duration.ofHours(80));
        breachClocks.record(workspace, sentInTime.id(), "gdpr-art33",
                new RecordNotification(Instant.now().minus(Duration.ofHours(60)), "filed"), "test");
        Incident notABreach = triage.report(workspace, new ReportIncident("Just a report", null, null, List.of()), "test");

        Map<String, Resource> byTitle = new java.util.HashMap<>();
        resources(workspace, "incidents.incident").forEach(r -> byTitle.put((String) r.data().get("title"), r));
        Instant now = Instant.now();

        assertThat(byTitle.get("Running clock").data()).containsEntry("breach", true).containsEntry("openNotifications", 1L);
        assertThat(((List<?>) byTitle.get("Running clock").data().get("notifications"))).hasSize(1);
        assertThat(checks.evaluate(byTitle.get("Running clock"), now)).containsEntry("incidents-breach-notified-in-time", true);
        assertThat(checks.evaluate(byTitle.get("Overdue clock"), now)).containsEntry("incidents-breach-notified-in-time", false);
        assertThat(checks.evaluate(byTitle.get("Sent late"), now)).containsEntry("incidents-breach-notified-in-time", false);
        assertThat(checks.evaluate(byTitle.get("Sent in time"), now)).containsEntry("incidents-breach-notified-in-time", true);
        assertThat(checks.evaluate(byTitle.get("Just a report"), now))
                .containsEntry("incidents-breach-notified-in-time", true).containsEntry("incidents-triaged", true);
        assertThat(checks.evaluate(byTitle.get("Just a report"), now.plus(Duration.ofHours(25))))
                .containsEntry("incidents-triaged", false);
        assertThat(byTitle.get(notABreach.title()).data()).doesNotContainKeys("severity", "breachRisk", "closedAt");
    }

    @Test
    void theYearlyExerciseCheckFailsWithNoneOrAnOldOneAndPassesWithARecentOne() {
        WorkspaceId workspace = new WorkspaceId(ExtraAccounts.inNewWorkspace(jdbc).workspaceId());
        Instant now = Instant.now();

        List<Resource> none = resources(workspace, "incidents.exercise");
        assertThat(none).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo("none"));
        assertThat(checks.evaluate(none.get(0), now)).containsOnly(Map.entry("incidents-exercise-yearly", false));

        exercises.record(workspace, new RecordExercise(LocalDate.now().minusMonths(14), "Old tabletop", List.of("CTO"), null), "test");
        List<Resource> old = resources(workspace, "incidents.exercise");
        assertThat(old).singleElement().satisfies(r -> assertThat(checks.evaluate(r, now)).containsOnly(Map.entry("incidents-exercise-yearly", false)));

        exercises.record(workspace, new RecordExercise(LocalDate.now().minusMonths(2), "Recent tabletop", List.of("CTO", "CISO"), "ok"), "test");
        List<Resource> both = resources(workspace, "incidents.exercise");
        assertThat(both).hasSize(2);
        assertThat(both).allSatisfy(r -> assertThat(checks.evaluate(r, now)).containsOnly(Map.entry("incidents-exercise-yearly", true)));
        assertThat(both.get(0).data()).containsEntry("latest", true).containsEntry("scenario", "Recent tabletop")
                .containsEntry("participants", List.of("CTO", "CISO"));
    }

    @Test
    void openClocksActionItemsAndTheYearlyExerciseAreObligations() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        WorkspaceId workspace = new WorkspaceId(ws.workspaceId());
        Incident incident = breach(workspace, "Clocked", Duration.ofHours(2));
        triage.triage(workspace, incident.id(), new TriageIncident("Clocked", null, null, Severity.HIGH, IncidentStatus.OPEN, ws.email(),
                Set.of(DataCategory.PERSONAL), List.of(), List.of(), 10, Map.of()), "test");
        postMortems.addAction(workspace, incident.id(), new AddActionItem("Rotate keys", ws.email(), LocalDate.parse("2027-02-01")), "test");
        exercises.record(workspace, new RecordExercise(LocalDate.parse("2026-06-01"), "Tabletop", List.of("CTO"), null), "test");

        List<Obligation> duties = obligationSources.stream().flatMap(s -> s.obligations(workspace).stream()).toList();

        assertThat(duties).filteredOn(o -> o.kind().equals("breach-clock")).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo("incidents:clock:" + incident.id() + ":gdpr-art33");
            assertThat(o.owner()).isEqualTo(ws.email());
            assertThat(o.title()).contains("Lead supervisory authority", "Clocked");
            assertThat(o.path()).isEqualTo("/incidents/" + incident.id());
        });
        assertThat(duties).filteredOn(o -> o.kind().equals("postmortem-action")).singleElement()
                .satisfies(o -> assertThat(o.due()).isEqualTo(Instant.parse("2027-02-01T00:00:00Z")));
        assertThat(duties).filteredOn(o -> o.kind().equals("incident-exercise")).singleElement()
                .satisfies(o -> assertThat(o.due()).isEqualTo(Instant.parse("2027-06-01T00:00:00Z")));

        breachClocks.record(workspace, incident.id(), "gdpr-art33", new RecordNotification(null, "sent"), "test");
        assertThat(obligationSources.stream().flatMap(s -> s.obligations(workspace).stream()))
                .noneMatch(o -> o.kind().equals("breach-clock"));
    }
}
