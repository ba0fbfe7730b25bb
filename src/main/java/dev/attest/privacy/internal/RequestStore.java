package dev.attest.privacy.internal;

import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The tables privacy_request and privacy_request_task, rows as stored (personal data still sealed). */
@Repository
@RequiredArgsConstructor
class RequestStore {

    /** A request row; {@code subjectSealed} is the AES-GCM ciphertext, null once purged. */
    record Row(UUID id, UUID workspaceId, String reference, String type, String law, String channel, String assignee, String subjectSealed,
               Instant receivedAt, Instant dueAt, Instant extendedDueAt, String extensionReason, Instant identityVerifiedAt,
               String identityMethod, Instant responseSentAt, String responseNote, String status, String outcome,
               Instant closedAt, String closedBy, String closureReason, Instant purgedAt) {
    }

    record TaskRow(UUID id, UUID requestId, String system, Instant doneAt, String doneBy, String note) {
    }

    private static final String COLUMNS = "id, workspace_id, reference, request_type, law, channel, assignee, subject_sealed, received_at, due_at, "
            + "extended_due_at, extension_reason, identity_verified_at, identity_method, response_sent_at, response_note, status, "
            + "outcome, closed_at, closed_by, closure_reason, purged_at";

    private final JdbcClient jdbc;

    void insert(Row r, String createdBy) {
        jdbc.sql("insert into privacy_request (" + COLUMNS + ", created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.workspaceId(), r.reference(), r.type(), r.law(), r.channel(), r.assignee(), r.subjectSealed(), utc(r.receivedAt()),
                        utc(r.dueAt()), null, null, null, null, null, null, "open", null, null, null, null, null, createdBy)
                .update();
    }

    Optional<Row> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from privacy_request where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query(RequestStore::row).optional();
    }

    List<Row> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from privacy_request where workspace_id = ? order by status desc, coalesce(extended_due_at, due_at), reference")
                .param(workspace.value()).query(RequestStore::row).list();
    }

    List<Row> purgeable(Instant closedBefore) {
        return jdbc.sql("select " + COLUMNS + " from privacy_request where status = 'closed' and closed_at < ? and purged_at is null")
                .param(utc(closedBefore)).query(RequestStore::row).list();
    }

    void extend(WorkspaceId workspace, UUID id, Instant extendedDueAt, String reason) {
        jdbc.sql("update privacy_request set extended_due_at = ?, extension_reason = ? where workspace_id = ? and id = ?")
                .params(utc(extendedDueAt), reason, workspace.value(), id).update();
    }

    void assign(WorkspaceId workspace, UUID id, String assignee) {
        jdbc.sql("update privacy_request set assignee = ? where workspace_id = ? and id = ?").params(assignee, workspace.value(), id).update();
    }

    void verify(WorkspaceId workspace, UUID id, Instant at, String method) {
        jdbc.sql("update privacy_request set identity_verified_at = ?, identity_method = ? where workspace_id = ? and id = ?")
                .params(utc(at), method, workspace.value(), id).update();
    }

    void respond(WorkspaceId workspace, UUID id, Instant at, String note) {
        jdbc.sql("update privacy_request set response_sent_at = ?, response_note = ? where workspace_id = ? and id = ?")
                .params(utc(at), note, workspace.value(), id).update();
    }

    void close(WorkspaceId workspace, UUID id, Instant at, String by, String outcome, String reason) {
        jdbc.sql("update privacy_request set status = 'closed', closed_at = ?, closed_by = ?, outcome = ?, closure_reason = ? "
                        + "where workspace_id = ? and id = ? and status = 'open'")
                .params(utc(at), by, outcome, reason, workspace.value(), id).update();
    }

    void purge(UUID id, Instant at) {
        jdbc.sql("update privacy_request set subject_sealed = null, purged_at = ? where id = ?").params(utc(at), id).update();
    }

    void insertTask(WorkspaceId workspace, UUID requestId, UUID id, String system, Instant at) {
        jdbc.sql("insert into privacy_request_task (id, workspace_id, request_id, system_name, created_at) values (?, ?, ?, ?, ?)")
                .params(id, workspace.value(), requestId, system, utc(at)).update();
    }

    List<TaskRow> tasks(WorkspaceId workspace, UUID requestId) {
        return jdbc.sql("select id, request_id, system_name, done_at, done_by, note from privacy_request_task "
                        + "where workspace_id = ? and request_id = ? order by created_at, system_name")
                .params(workspace.value(), requestId)
                .query((rs, n) -> new TaskRow(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                        rs.getString("system_name"), instant(rs, "done_at"), rs.getString("done_by"), rs.getString("note")))
                .list();
    }

    int completeTask(WorkspaceId workspace, UUID requestId, UUID taskId, Instant at, String by, String note) {
        return jdbc.sql("update privacy_request_task set done_at = ?, done_by = ?, note = ? "
                        + "where workspace_id = ? and request_id = ? and id = ? and done_at is null")
                .params(utc(at), by, note, workspace.value(), requestId, taskId).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class), rs.getString("reference"),
                rs.getString("request_type"), rs.getString("law"), rs.getString("channel"), rs.getString("assignee"),
                rs.getString("subject_sealed"),
                instant(rs, "received_at"), instant(rs, "due_at"), instant(rs, "extended_due_at"), rs.getString("extension_reason"),
                instant(rs, "identity_verified_at"), rs.getString("identity_method"), instant(rs, "response_sent_at"),
                rs.getString("response_note"), rs.getString("status"), rs.getString("outcome"), instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getString("closure_reason"), instant(rs, "purged_at"));
    }
}
