package dev.attest.obligations.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.obligations.CalendarEntry;
import dev.attest.obligations.DutyKind;
import dev.attest.obligations.RecurringDuty;
import dev.attest.obligations.RecurringDutyCompleted;
import dev.attest.obligations.RecurringDutyScheduled;
import dev.attest.obligations.ScheduleDuty;
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

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: a quarterly access review is
 * scheduled and shows on the calendar at the end of its due day; done, it is rescheduled three months
 * on, and done again, three more; each step is one event.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class ObligationScenarioTest {

    @Autowired
    RecurringDuties duties;
    @Autowired
    ObligationsCalendar calendar;
    @Autowired
    ObligationForms forms;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private WorkspaceId defaultWorkspace() {
        return new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
    }

    private CalendarEntry onCalendar(WorkspaceId ws, UUID id) {
        return calendar.entries(ws).stream().filter(e -> e.obligation().id().equals("obligations:duty:" + id)).findFirst().orElseThrow();
    }

    @Test
    void aRecurringDutyIsScheduledCompletedAndRescheduled(Scenario scenario) {
        WorkspaceId ws = defaultWorkspace();
        LocalDate first = LocalDate.now(duties.zone()).plusDays(10);
        String title = "Access review " + run;

        AtomicReference<UUID> scheduled = new AtomicReference<>();
        scenario.stimulate(() -> duties.schedule(ws, new ScheduleDuty(DutyKind.ACCESS_REVIEW, " " + title + " ",
                        AttestTest.ADMIN_EMAIL.toUpperCase(), first), "manager"))
                .andWaitForEventOfType(RecurringDutyScheduled.class)
                .matching(e -> e.title().equals(title))
                .toArriveAndVerify((e, duty) -> {
                    assertThat(e.action()).isEqualTo("obligations.duty-scheduled");
                    assertThat(e.dutyKind()).isEqualTo(DutyKind.ACCESS_REVIEW);
                    assertThat(duty.owner()).isEqualTo(AttestTest.ADMIN_EMAIL);
                    assertThat(duty.nextDue()).isEqualTo(first);
                    scheduled.set(duty.id());
                });
        UUID id = scheduled.get();
        CalendarEntry entry = onCalendar(ws, id);
        assertThat(entry.obligation().due()).isEqualTo(first.plusDays(1).atStartOfDay(duties.zone()).toInstant());
        assertThat(entry.overdue()).isFalse();

        scenario.stimulate(() -> duties.complete(ws, id, "reviewer"))
                .andWaitForEventOfType(RecurringDutyCompleted.class)
                .matching(e -> e.dutyId().equals(id))
                .toArriveAndVerify((e, duty) -> {
                    assertThat(e.action()).isEqualTo("obligations.duty-completed");
                    assertThat(e.wasDue()).isEqualTo(first);
                    assertThat(e.nextDue()).isEqualTo(first.plusMonths(3));
                    assertThat(duty.lastDoneBy()).isEqualTo("reviewer");
                    assertThat(duty.lastDoneAt()).isNotNull();
                });
        assertThat(onCalendar(ws, id).obligation().due())
                .isEqualTo(first.plusMonths(3).plusDays(1).atStartOfDay(duties.zone()).toInstant());

        scenario.stimulate(() -> duties.complete(ws, id, "reviewer"))
                .andWaitForEventOfType(RecurringDutyCompleted.class)
                .matching(e -> e.dutyId().equals(id) && e.wasDue().equals(first.plusMonths(3)))
                .toArriveAndVerify((e, duty) -> assertThat(duty.nextDue()).isEqualTo(first.plusMonths(6)));
    }

    @Test
    void badInputIsRefusedNamingEveryFieldBeforeAnythingIsWritten() {
        WorkspaceId ws = defaultWorkspace();
        int before = duties.duties(ws).size();

        assertThatThrownBy(() -> duties.schedule(ws, new ScheduleDuty(null, "x".repeat(201), null, null), "manager"))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(Submission.fieldErrors(e.getConstraintViolations())).containsOnlyKeys("kind", "title", "firstDue"));
        assertThatThrownBy(() -> forms.schedule(ws, "tea-ceremony", null, "nobody@nowhere.test", "next tuesday"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.errors()).containsOnlyKeys("kind", "owner", "firstDue");
                    assertThat(e.errors().get("kind")).startsWith("choose one of access-review");
                });
        assertThat(duties.duties(ws)).hasSize(before);
    }
}
