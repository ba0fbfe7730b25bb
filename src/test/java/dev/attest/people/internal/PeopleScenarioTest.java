package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.AccessRevoked;
import dev.attest.people.OffboardingTask;
import dev.attest.people.People;
import dev.attest.people.PersonAdded;
import dev.attest.people.EmploymentType;
import dev.attest.people.PersonDetails;
import dev.attest.people.PersonUpdated;
import dev.attest.people.TrainingRecorded;
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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: a person joins the roster, records
 * their training, is given an end date, which opens one revocation task per system, and each
 * revocation is confirmed once; every step is one event with the audit trail's action name.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class PeopleScenarioTest {

    @Autowired
    Roster roster;
    @Autowired
    Trainings trainings;
    @Autowired
    Offboarding offboarding;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private WorkspaceId defaultWorkspace() {
        return new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
    }

    @Test
    void theRosterRefusesDetailsThatBreakTheirConstraintsNamingEachField() {
        WorkspaceId ws = defaultWorkspace();
        PersonDetails nameless = new PersonDetails(" ", "not-an-email", null, null, null, null, null, null, List.of());

        assertThatThrownBy(() -> roster.add(ws, nameless, null, "hr@example.test"))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(Submission.fieldErrors(e.getConstraintViolations()))
                        .containsOnlyKeys("name", "email").containsEntry("email", "is not an email address"));
    }

    @Test
    void aPersonJoinsTrainsAndLeavesWithEveryAccessRevoked(Scenario scenario) {
        WorkspaceId ws = defaultWorkspace();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String email = "scenario-" + run + "@example.test";
        PersonDetails joining = new PersonDetails("Scenario " + run, " " + email.toUpperCase() + " ", "Engineer", null, null,
                EmploymentType.EMPLOYEE, today.minusDays(20), null, List.of());

        AtomicReference<UUID> added = new AtomicReference<>();
        scenario.stimulate(() -> roster.add(ws, joining, null, "hr@example.test"))
                .andWaitForEventOfType(PersonAdded.class)
                .matching(e -> e.email().equals(email))
                .toArriveAndVerify((e, person) -> {
                    assertThat(e.action()).isEqualTo("people.added");
                    assertThat(e.personId()).isEqualTo(person.id());
                    added.set(person.id());
                });
        UUID id = added.get();
        assertThat(((People) roster).byEmail(ws, email.toUpperCase())).get().extracting(p -> p.id()).isEqualTo(id);
        assertThatThrownBy(() -> roster.add(ws, joining, null, "hr@example.test"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors()).containsEntry("email", "is already in the roster"));

        scenario.stimulate(() -> trainings.recordTraining(ws, id, "Security basics", today.minusDays(10), null, email))
                .andWaitForEventOfType(TrainingRecorded.class)
                .matching(e -> e.personId().equals(id))
                .toArriveAndVerify(e -> assertThat(e.summary()).isEqualTo(email + " training recorded: Security basics"));

        scenario.stimulate(() -> roster.update(ws, id, PersonDetails.of(roster.get(ws, id)).withEndDate(today), "hr@example.test"))
                .andWaitForEventOfType(PersonUpdated.class)
                .matching(e -> e.personId().equals(id))
                .toArriveAndVerify(e -> assertThat(e.summary()).isEqualTo(email + " updated: end date " + today));
        List<OffboardingTask> tasks = offboarding.tasks(ws, id);
        assertThat(tasks).extracting(OffboardingTask::system).containsExactlyInAnyOrderElementsOf(offboarding.systems(ws));

        OffboardingTask first = tasks.get(0);
        scenario.stimulate(() -> offboarding.confirmRevocation(ws, id, first.id(), "it@example.test"))
                .andWaitForEventOfType(AccessRevoked.class)
                .matching(e -> e.personId().equals(id))
                .toArriveAndVerify((e, task) -> {
                    assertThat(e.action()).isEqualTo("people.access-revoked");
                    assertThat(e.detail()).isEqualTo(first.system());
                    assertThat(task.confirmedAt()).isNotNull();
                });
        // Confirming again keeps the first confirmation.
        assertThat(offboarding.confirmRevocation(ws, id, first.id(), "someone-else@example.test").confirmedBy()).isEqualTo("it@example.test");
    }
}
