package dev.attest.audits.internal;

import static dev.attest.web.Columns.instant;

import dev.attest.audits.AuditRequest;
import dev.attest.audits.RequestStatus;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.audits.internal.AuditColumns.date;
import static dev.attest.audits.internal.AuditColumns.day;
import static dev.attest.web.Columns.utc;

/** The tables audit_request, audit_request_evidence and audit_request_move. */
@Repository
@RequiredArgsConstructor
class AuditRequestStore {

    private static final String COLUMNS = "id, audit_id, reference, body, control_key, assignee, due_on, status, comment";

    /** A request with the workspace it belongs to, for overdue checks across workspaces. */
    record Due(UUID workspaceId, AuditRequest request) {
    }

    private final JdbcClient jdbc;

    void insert(WorkspaceId workspace, AuditRequest r, Instant at, String by) {
        jdbc.sql("insert into audit_request (" + COLUMNS + ", workspace_id, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.auditId(), r.reference(), r.request(), r.control(), r.assignee(), date(r.dueOn()), r.status().wireName(),
                        r.comment(), workspace.value(), utc(at), by)
                .update();
    }

    void move(WorkspaceId workspace, UUID id, RequestStatus status, String comment, Instant at, String by) {
        jdbc.sql("update audit_request set status = ?, comment = coalesce(?, comment), updated_at = ?, updated_by = ? where workspace_id = ? and id = ?")
                .params(status.wireName(), comment, utc(at), by, workspace.value(), id).update();
    }

    /** One step of a request's loop, with who took it and the auditor's comment for a flag. */
    record Move(RequestStatus from, RequestStatus to, String comment, Instant at, String by) {
    }

    void recordMove(WorkspaceId workspace, UUID auditId, UUID requestId, Move move) {
        jdbc.sql("insert into audit_request_move (id, workspace_id, audit_id, request_id, from_status, to_status, comment, moved_at, moved_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), workspace.value(), auditId, requestId, move.from().wireName(), move.to().wireName(), move.comment(),
                        utc(move.at()), move.by())
                .update();
    }

    /** Every request's steps in the order taken, by request id. */
    Map<UUID, List<Move>> moves(WorkspaceId workspace, UUID auditId) {
        Map<UUID, List<Move>> moves = new LinkedHashMap<>();
        jdbc.sql("select request_id, from_status, to_status, comment, moved_at, moved_by from audit_request_move"
                        + " where workspace_id = ? and audit_id = ? order by moved_at, id")
                .params(workspace.value(), auditId)
                .query(rs -> {
                    moves.computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new ArrayList<>()).add(new Move(status(rs, "from_status"),
                            status(rs, "to_status"), rs.getString("comment"), instant(rs, "moved_at"), rs.getString("moved_by")));
                });
        return moves;
    }

    private static RequestStatus status(ResultSet rs, String column) throws SQLException {
        return RequestStatus.valueOf(rs.getString(column).toUpperCase(Locale.ROOT));
    }

    void attach(UUID requestId, AuditRequest.AttachedEvidence e, Instant at, String by) {
        jdbc.sql("insert into audit_request_evidence (request_id, evidence_id, ledger_seq, sha256, attached_at, attached_by) values (?, ?, ?, ?, ?, ?)")
                .params(requestId, e.evidenceId(), e.ledgerSeq(), e.sha256(), utc(at), by).update();
    }

    Optional<AuditRequest> find(WorkspaceId workspace, UUID auditId, UUID id) {
        return withEvidence(jdbc.sql("select " + COLUMNS + " from audit_request where workspace_id = ? and audit_id = ? and id = ?")
                .params(workspace.value(), auditId, id).query(AuditRequestStore::request).list()).stream().findFirst();
    }

    List<AuditRequest> list(WorkspaceId workspace, UUID auditId) {
        return withEvidence(jdbc.sql("select " + COLUMNS + " from audit_request where workspace_id = ? and audit_id = ? order by reference")
                .params(workspace.value(), auditId).query(AuditRequestStore::request).list());
    }

    List<String> references(UUID auditId) {
        return jdbc.sql("select reference from audit_request where audit_id = ?").param(auditId).query(String.class).list();
    }

    /** Whether evidence is attached to any request of the audit (so its auditor may read it). */
    boolean attachedTo(UUID auditId, UUID evidenceId) {
        return jdbc.sql("select count(*) from audit_request_evidence e join audit_request r on r.id = e.request_id where r.audit_id = ? and e.evidence_id = ?")
                .params(auditId, evidenceId).query(Long.class).single() > 0;
    }

    /** Requests the client still owes with a due date, for resources and the calendar. */
    List<Due> awaitingClient(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + ", workspace_id from audit_request where workspace_id = ? and status in ('open', 'flagged') and due_on is not null")
                .param(workspace.value())
                .query((rs, n) -> new Due(rs.getObject("workspace_id", UUID.class), request(rs, n))).list();
    }

    private List<AuditRequest> withEvidence(List<AuditRequest> requests) {
        if (requests.isEmpty()) {
            return requests;
        }
        Map<UUID, List<AuditRequest.AttachedEvidence>> attached = new LinkedHashMap<>();
        List<UUID> ids = requests.stream().map(AuditRequest::id).toList();
        jdbc.sql("select request_id, evidence_id, ledger_seq, sha256 from audit_request_evidence where request_id in (:ids) order by ledger_seq")
                .param("ids", ids)
                .query(rs -> {
                    attached.computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new ArrayList<>())
                            .add(new AuditRequest.AttachedEvidence(rs.getObject("evidence_id", UUID.class), rs.getLong("ledger_seq"), rs.getString("sha256")));
                });
        return requests.stream().map(r -> new AuditRequest(r.id(), r.auditId(), r.reference(), r.request(), r.control(), r.assignee(), r.dueOn(),
                r.status(), r.comment(), attached.getOrDefault(r.id(), List.of()))).toList();
    }

    private static AuditRequest request(ResultSet rs, int n) throws SQLException {
        return new AuditRequest(rs.getObject("id", UUID.class), rs.getObject("audit_id", UUID.class), rs.getString("reference"),
                rs.getString("body"), rs.getString("control_key"), rs.getString("assignee"), day(rs, "due_on"),
                status(rs, "status"), rs.getString("comment"), List.of());
    }

}
