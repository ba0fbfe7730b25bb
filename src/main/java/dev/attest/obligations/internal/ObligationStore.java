package dev.attest.obligations.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.obligations.DutyKind;
import dev.attest.obligations.RecurringDuty;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/**
 * The module's SQL: recurring duties, each workspace's reminder lead time, the reminders sent and
 * the calendar feed tokens (their hashes), every query scoped by workspace.
 */
@Repository
@RequiredArgsConstructor
class ObligationStore {

    private final JdbcClient jdbc;

    // --- recurring duties

    List<RecurringDuty> duties(WorkspaceId workspace) {
        return jdbc.sql("select * from obligation_duty where workspace_id = ? order by next_due, title")
                .param(workspace.value()).query(ObligationStore::dutyRow).list();
    }

    Optional<RecurringDuty> duty(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from obligation_duty where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(ObligationStore::dutyRow).optional();
    }

    void insertDuty(WorkspaceId workspace, UUID id, DutyKind kind, String title, String owner, LocalDate firstDue, Instant now) {
        jdbc.sql("insert into obligation_duty (id, workspace_id, kind, title, owner, interval_months, anchor_due, next_due, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, workspace.value(), kind.wireName(), title, owner, kind.months(), firstDue, firstDue, utc(now)).update();
    }

    /** The due date the duty's occurrences are counted from: its first. */
    LocalDate anchor(UUID id) {
        return jdbc.sql("select anchor_due from obligation_duty where id = ?").param(id).query(LocalDate.class).single();
    }

    void markDone(WorkspaceId workspace, UUID id, LocalDate nextDue, Instant doneAt, String doneBy) {
        jdbc.sql("update obligation_duty set next_due = ?, last_done_at = ?, last_done_by = ? where workspace_id = ? and id = ?")
                .params(nextDue, utc(doneAt), doneBy, workspace.value(), id).update();
    }

    private static RecurringDuty dutyRow(ResultSet rs, int n) throws SQLException {
        return new RecurringDuty(rs.getObject("id", UUID.class), WireName.parse(DutyKind.class, rs.getString("kind")).orElseThrow(),
                rs.getString("title"), rs.getString("owner"), rs.getObject("next_due", LocalDate.class),
                instant(rs, "last_done_at"), rs.getString("last_done_by"));
    }

    // --- reminders

    void insertWorkspace(WorkspaceId workspace, int reminderDays) {
        jdbc.sql("insert into obligation_workspace (workspace_id, reminder_days) values (?, ?)").params(workspace.value(), reminderDays)
                .update();
    }

    Optional<Integer> reminderDays(WorkspaceId workspace) {
        return jdbc.sql("select reminder_days from obligation_workspace where workspace_id = ?").param(workspace.value())
                .query(Integer.class).optional();
    }

    void saveReminderDays(WorkspaceId workspace, int days) {
        int updated = jdbc.sql("update obligation_workspace set reminder_days = ? where workspace_id = ?").params(days, workspace.value())
                .update();
        if (updated == 0) {
            insertWorkspace(workspace, days);
        }
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

    void insertReminder(WorkspaceId workspace, String obligationId, Instant due, String sentTo, Instant sentAt) {
        jdbc.sql("insert into obligation_reminder (workspace_id, obligation_id, due, sent_to, sent_at) values (?, ?, ?, ?, ?)")
                .params(workspace.value(), obligationId, utc(due), sentTo, utc(sentAt)).update();
    }

    boolean reminded(WorkspaceId workspace, String obligationId, Instant due) {
        return jdbc.sql("select count(*) from obligation_reminder where workspace_id = ? and obligation_id = ? and due = ?")
                .params(workspace.value(), obligationId, utc(due)).query(Integer.class).single() > 0;
    }

    // --- calendar feed tokens

    /** Stores a person's token hash in place of any earlier one. */
    void replaceFeedToken(WorkspaceId workspace, String email, String tokenHash, Instant now) {
        jdbc.sql("delete from obligation_feed_token where workspace_id = ? and email = ?").params(workspace.value(), email).update();
        jdbc.sql("insert into obligation_feed_token (workspace_id, email, token_hash, created_at) values (?, ?, ?, ?)")
                .params(workspace.value(), email, tokenHash, utc(now)).update();
    }

    Optional<CalendarFeeds.Subscriber> feedSubscriber(String tokenHash) {
        return jdbc.sql("select workspace_id, email from obligation_feed_token where token_hash = ?").param(tokenHash)
                .query((rs, n) -> new CalendarFeeds.Subscriber(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        rs.getString("email")))
                .optional();
    }

    boolean hasFeedToken(WorkspaceId workspace, String email) {
        return jdbc.sql("select count(*) from obligation_feed_token where workspace_id = ? and email = ?")
                .params(workspace.value(), email).query(Integer.class).single() > 0;
    }
}
