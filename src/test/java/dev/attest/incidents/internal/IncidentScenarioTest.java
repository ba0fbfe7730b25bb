package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.BreachDetermined;
import dev.attest.incidents.BreachRisk;
import dev.attest.incidents.DataCategory;
import dev.attest.incidents.DetermineBreach;
import dev.attest.incidents.Incident;
import dev.attest.incidents.IncidentClosed;
import dev.attest.incidents.IncidentReported;
import dev.attest.incidents.IncidentStatus;
import dev.attest.incidents.NotificationClock;
import dev.attest.incidents.NotificationRecorded;
import dev.attest.incidents.RecordNotification;
import dev.attest.incidents.ReportIncident;
import dev.attest.incidents.Severity;
import dev.attest.incidents.TimelineEntry;
import dev.attest.incidents.TriageIncident;
import dev.attest.support.AttestTest;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.Submission;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: an incident is reported and triaged,
 * determined a breach, which starts the GDPR clock; closing is refused while the notification is
 * open, and once it is recorded the incident closes, each step one event and one timeline line.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class IncidentScenarioTest {

    @Autowired
    Triage triage;
    @Autowired
    BreachClocks breachClocks;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private WorkspaceId defaultWorkspace() {
        return new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
    }

    @Test
    void aBreachStartsItsClockAndClosesOnlyOnceTheNotificationIsRecorded(Scenario scenario) {
        WorkspaceId ws = defaultWorkspace();
        Instant discovered = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
        Instant aware = discovered.plus(Duration.ofHours(1));
        String title = "Leaked export " + run;

        AtomicReference<UUID> reported = new AtomicReference<>();
        scenario.stimulate(() -> triage.report(ws, new ReportIncident(title, "A CSV on a public bucket", discovered,
                        List.of("exports")), "reporter@example.test"))
                .andWaitForEventOfType(IncidentReported.class)
                .matching(e -> e.title().equals(title))
                .toArriveAndVerify((e, incident) -> {
                    assertThat(e.incidentId()).isEqualTo(incident.id());
                    reported.set(incident.id());
                });
        UUID id = reported.get();

        Incident triaged = triage.triage(ws, id, new TriageIncident(title, null, null, Severity.HIGH, IncidentStatus.CONTAINED,
                AttestTest.ADMIN_EMAIL.toUpperCase(), Set.of(DataCategory.PERSONAL), List.of("exports"), List.of(), 1200, Map.of()), "lead");
        assertThat(triaged.lead()).isEqualTo(AttestTest.ADMIN_EMAIL);

        scenario.stimulate(() -> breachClocks.determine(ws, id, new DetermineBreach(BreachRisk.RISK, aware), "lead"))
                .andWaitForEventOfType(BreachDetermined.class)
                .matching(e -> e.incidentId().equals(id))
                .toArriveAndVerify((e, clocks) -> {
                    assertThat(e.summary()).contains("GDPR Art. 33");
                    assertThat(clocks).extracting(NotificationClock::key).containsExactly("gdpr-art33");
                    assertThat(clocks.get(0).due()).isEqualTo(aware.plus(Duration.ofHours(72)));
                });

        TriageIncident closing = TriageIncident.of(triage.get(ws, id)).withStatus(IncidentStatus.CLOSED);
        assertThatThrownBy(() -> triage.triage(ws, id, closing, "lead"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors().get("status")).contains("GDPR Art. 33"));
        assertThat(triage.get(ws, id).status()).isEqualTo(IncidentStatus.CONTAINED);

        scenario.stimulate(() -> breachClocks.record(ws, id, "gdpr-art33", new RecordNotification(null, "Filed on the authority's portal"), "dpo"))
                .andWaitForEventOfType(NotificationRecorded.class)
                .matching(e -> e.incidentId().equals(id))
                .toArriveAndVerify((e, sent) -> assertThat(sent.onTime()).isTrue());

        scenario.stimulate(() -> triage.triage(ws, id, closing, "lead"))
                .andWaitForEventOfType(IncidentClosed.class)
                .matching(e -> e.incidentId().equals(id))
                .toArriveAndVerify((e, closed) -> {
                    assertThat(e.action()).isEqualTo("incidents.closed");
                    assertThat(closed.closedAt()).isNotNull();
                });
        assertThat(triage.timeline(ws, id)).extracting(TimelineEntry::entry)
                .anySatisfy(line -> assertThat(line).startsWith("Reported by reporter@example.test"))
                .anySatisfy(line -> assertThat(line).startsWith("Determined a breach"))
                .anySatisfy(line -> assertThat(line).startsWith("Notified Lead supervisory authority"))
                .anySatisfy(line -> assertThat(line).contains("Status contained → closed"));
    }

    @Test
    void aCommandOutsideItsConstraintsIsRefusedBeforeAnythingIsWritten() {
        WorkspaceId ws = defaultWorkspace();
        int before = triage.list(ws).size();

        assertThatThrownBy(() -> triage.report(ws, new ReportIncident(" ", null, Instant.now().plus(Duration.ofDays(1)),
                List.of("x".repeat(201))), "reporter@example.test"))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(Submission.fieldErrors(e.getConstraintViolations())).containsOnlyKeys("title", "discoveredAt", "systems"));
        assertThat(triage.list(ws)).hasSize(before);
    }
}
