package dev.attest.obligations.internal;

import dev.attest.identity.WorkspaceCreated;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.obligations.ChangeReminderLeadTime;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.obligations.RecurringDuty;
import dev.attest.obligations.RecurringDutyCompleted;
import dev.attest.obligations.RecurringDutyScheduled;
import dev.attest.obligations.ReminderLeadTimeChanged;
import dev.attest.obligations.ScheduleDuty;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The recurring duties a workspace schedules; each is an obligation due at the end of its due day
 * in the workspace's time zone, and marking it done reschedules it to its next occurrence. Also how
 * long before a due date owners are reminded.
 */
@Service
@Validated
@RequiredArgsConstructor
public class RecurringDuties implements ObligationSource {

    static final int DEFAULT_REMINDER_DAYS = 7;

    private final ObligationStore store;
    private final WorkspaceMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    /** The workspace's zone: a due day ends at midnight there. */
    public ZoneId zone() {
        return zone;
    }

    /** Every workspace gets a settings row for its reminders, in the transaction that creates it. */
    @EventListener
    void on(WorkspaceCreated event) {
        store.insertWorkspace(event.workspaceId(), DEFAULT_REMINDER_DAYS);
    }

    /** Soonest due first. */
    @Transactional(readOnly = true)
    public List<RecurringDuty> duties(WorkspaceId workspace) {
        return store.duties(workspace);
    }

    /** The duty; one of another workspace, or none, is a 404. */
    @Transactional(readOnly = true)
    public RecurringDuty duty(WorkspaceId workspace, UUID id) {
        return store.duty(workspace, id).orElseThrow(() -> new NotFoundException("No duty " + id));
    }

    /** Whether an email names a member of the workspace. */
    boolean member(WorkspaceId workspace, String email) {
        return members.memberByEmail(workspace, email).isPresent();
    }

    @Transactional
    public RecurringDuty schedule(WorkspaceId workspace, @Valid ScheduleDuty command, String actor) {
        if (command.owner() != null && !member(workspace, command.owner())) {
            throw new InvalidFieldException("owner", ObligationForms.NOT_A_MEMBER);
        }
        UUID id = UUID.randomUUID();
        store.insertDuty(workspace, id, command.kind(), command.title(), command.owner(), command.firstDue(), clock.instant());
        events.publishEvent(new RecurringDutyScheduled(workspace, actor, id, command.kind(), command.title(), command.firstDue()));
        return duty(workspace, id);
    }

    /** Marks the duty done: it is rescheduled to its next occurrence after today. */
    @Transactional
    public RecurringDuty complete(WorkspaceId workspace, UUID id, String actor) {
        RecurringDuty duty = duty(workspace, id);
        Instant now = clock.instant();
        LocalDate next = DutySchedule.next(store.anchor(id), duty.kind().months(), duty.nextDue(),
                now.atZone(zone).toLocalDate());
        store.markDone(workspace, id, next, now, actor);
        events.publishEvent(new RecurringDutyCompleted(workspace, actor, id, duty.title(), duty.nextDue(), next));
        return duty(workspace, id);
    }

    /** The first instant past a due day: the day itself still counts as on time. */
    Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public List<Obligation> obligations(WorkspaceId workspace) {
        return duties(workspace).stream().map(d -> new Obligation("obligations:duty:" + d.id(), d.kind().wireName(), d.title(),
                d.owner(), endOf(d.nextDue()), "/obligations#duty-" + d.id())).toList();
    }

    @Transactional(readOnly = true)
    public int reminderDays(WorkspaceId workspace) {
        return store.reminderDays(workspace).orElse(DEFAULT_REMINDER_DAYS);
    }

    /** Sets how many days before a due date owners are reminded (0 to 90; 0 means on the day). */
    @Transactional
    public int setReminderDays(WorkspaceId workspace, @Valid ChangeReminderLeadTime command, String actor) {
        int days = command.reminderDays();
        store.saveReminderDays(workspace, days);
        events.publishEvent(new ReminderLeadTimeChanged(workspace, actor, days));
        return days;
    }

    /** The workspaces with their reminder lead time in days. */
    Map<WorkspaceId, Integer> workspaces() {
        return store.workspaces();
    }
}
