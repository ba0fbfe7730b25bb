package dev.attest.obligations.internal;

import dev.attest.identity.WorkspaceCreated;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.obligations.DutyKind;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.obligations.RecurringDuty;
import dev.attest.obligations.RecurringDutyCompleted;
import dev.attest.obligations.RecurringDutyScheduled;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The recurring duties a workspace schedules; each is an obligation due at the end of its due day
 * in the workspace's time zone, and marking it done rolls it to its next occurrence.
 */
@Service
class RecurringDuties implements ObligationSource {

    private final JdbcClient jdbc;
    private final WorkspaceMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    RecurringDuties(JdbcClient jdbc, WorkspaceMembers members, ApplicationEventPublisher events, Clock clock,
                    @Value("${attest.time-zone:UTC}") String zone) {
        this.jdbc = jdbc;
        this.members = members;
        this.events = events;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    ZoneId zone() {
        return zone;
    }

    /** Every workspace gets a settings row for its reminders, in the transaction that creates it. */
    @EventListener
    void on(WorkspaceCreated event) {
        jdbc.sql("insert into obligation_workspace (workspace_id, reminder_days) values (?, 7)").param(event.workspaceId().value()).update();
    }

    List<RecurringDuty> duties(WorkspaceId workspace) {
        return jdbc.sql("select * from obligation_duty where workspace_id = ? order by next_due, title")
                .param(workspace.value()).query(RecurringDuties::row).list();
    }

    RecurringDuty duty(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from obligation_duty where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(RecurringDuties::row).optional().orElseThrow(() -> new NotFoundException("No duty " + id));
    }

    @Transactional
    RecurringDuty schedule(WorkspaceId workspace, String kind, String title, String owner, String firstDue, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        DutyKind parsed = DutyKind.fromWireName(kind).orElse(null);
        if (parsed == null) {
            errors.put("kind", "choose one of " + DutyKind.allowed());
        }
        String name = title == null || title.isBlank() ? (parsed == null ? null : parsed.title()) : title.strip();
        if (name != null && name.length() > 200) {
            errors.put("title", "is longer than 200 characters");
        }
        String who = owner == null || owner.isBlank() ? null : owner.strip().toLowerCase(java.util.Locale.ROOT);
        if (who != null && members.memberByEmail(workspace, who).isEmpty()) {
            errors.put("owner", "is not a member of this workspace");
        }
        LocalDate due = null;
        try {
            due = LocalDate.parse(firstDue == null ? "" : firstDue.strip());
        } catch (DateTimeParseException e) {
            errors.put("firstDue", "is not a date (YYYY-MM-DD)");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into obligation_duty (id, workspace_id, kind, title, owner, interval_months, anchor_due, next_due, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, workspace.value(), parsed.wireName(), name, who, parsed.months(), due, due, utc(clock.instant())).update();
        events.publishEvent(new RecurringDutyScheduled(workspace, actor, id, parsed.wireName(), name, due));
        return duty(workspace, id);
    }

    @Transactional
    RecurringDuty complete(WorkspaceId workspace, UUID id, String actor) {
        RecurringDuty duty = duty(workspace, id);
        LocalDate anchor = jdbc.sql("select anchor_due from obligation_duty where id = ?").param(id).query(LocalDate.class).single();
        Instant now = clock.instant();
        LocalDate next = DutySchedule.next(anchor, duty.kind().months(), duty.nextDue(), now.atZone(zone).toLocalDate());
        jdbc.sql("update obligation_duty set next_due = ?, last_done_at = ?, last_done_by = ? where workspace_id = ? and id = ?")
                .params(next, utc(now), actor, workspace.value(), id).update();
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

    int reminderDays(WorkspaceId workspace) {
        return jdbc.sql("select reminder_days from obligation_workspace where workspace_id = ?").param(workspace.value())
                .query(Integer.class).optional().orElse(7);
    }

    /** Sets how many days before a due date owners are reminded (0 to 90; 0 means on the day). */
    @Transactional
    int setReminderDays(WorkspaceId workspace, Integer days, String actor) {
        if (days == null || days < 0 || days > 90) {
            throw new InvalidFieldException("reminderDays", "must be a whole number of days from 0 to 90");
        }
        int updated = jdbc.sql("update obligation_workspace set reminder_days = ? where workspace_id = ?").params(days, workspace.value()).update();
        if (updated == 0) {
            jdbc.sql("insert into obligation_workspace (workspace_id, reminder_days) values (?, ?)").params(workspace.value(), days).update();
        }
        events.publishEvent(new dev.attest.obligations.ReminderLeadTimeChanged(workspace, actor, days));
        return days;
    }

    /** The workspaces with their reminder lead time in days. */
    Map<WorkspaceId, Integer> workspaces() {
        Map<WorkspaceId, Integer> all = new LinkedHashMap<>();
        jdbc.sql("select workspace_id, reminder_days from obligation_workspace")
                .query((ResultSet rs) -> {
                    all.put(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getInt("reminder_days"));
                });
        return all;
    }

    private static RecurringDuty row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime done = rs.getObject("last_done_at", OffsetDateTime.class);
        return new RecurringDuty(rs.getObject("id", UUID.class), DutyKind.fromWireName(rs.getString("kind")).orElseThrow(),
                rs.getString("title"), rs.getString("owner"), rs.getObject("next_due", LocalDate.class),
                done == null ? null : done.toInstant(), rs.getString("last_done_by"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
