package dev.attest.audits.internal;

import dev.attest.audits.AuditFinding;
import dev.attest.audits.FindingKind;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.audits.internal.AuditColumns.date;
import static dev.attest.audits.internal.AuditColumns.day;
import static dev.attest.web.Columns.utc;

/** The table audit_finding. */
@Repository("auditFindingStore")
@RequiredArgsConstructor
class FindingStore {

    private static final String COLUMNS = "id, audit_id, reference, kind, title, description, requirements, controls, client_response, root_cause, "
            + "corrective_action, owner, due_on, status, raised_by";

    private final JdbcClient jdbc;

    void insert(WorkspaceId workspace, AuditFinding f, Instant at) {
        jdbc.sql("insert into audit_finding (" + COLUMNS + ", workspace_id, raised_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.id(), f.auditId(), f.reference(), f.kind().wireName(), f.title(), f.description(), AuditColumns.joined(f.requirements()),
                        AuditColumns.joined(f.controls()), f.clientResponse(), f.rootCause(), f.correctiveAction(), f.owner(), date(f.dueOn()),
                        f.status(), f.raisedBy(), workspace.value(), utc(at))
                .update();
    }

    void answer(WorkspaceId workspace, AuditFinding f) {
        jdbc.sql("""
                        update audit_finding set client_response = ?, root_cause = ?, corrective_action = ?, owner = ?, due_on = ?, status = ?
                        where workspace_id = ? and id = ?""")
                .params(f.clientResponse(), f.rootCause(), f.correctiveAction(), f.owner(), date(f.dueOn()), f.status(), workspace.value(), f.id())
                .update();
    }

    void close(WorkspaceId workspace, UUID id, String by, Instant at) {
        jdbc.sql("update audit_finding set status = 'closed', closed_by = ?, closed_at = ? where workspace_id = ? and id = ?")
                .params(by, utc(at), workspace.value(), id).update();
    }

    List<AuditFinding> list(WorkspaceId workspace, UUID auditId) {
        return jdbc.sql("select " + COLUMNS + " from audit_finding where workspace_id = ? and audit_id = ? order by reference")
                .params(workspace.value(), auditId).query(FindingStore::finding).list();
    }

    Optional<AuditFinding> find(WorkspaceId workspace, UUID auditId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from audit_finding where workspace_id = ? and audit_id = ? and id = ?")
                .params(workspace.value(), auditId, id).query(FindingStore::finding).optional();
    }

    private static AuditFinding finding(ResultSet rs, int n) throws SQLException {
        return new AuditFinding(rs.getObject("id", UUID.class), rs.getObject("audit_id", UUID.class), rs.getString("reference"),
                WireName.require(FindingKind.class, rs.getString("kind")), rs.getString("title"), rs.getString("description"), AuditColumns.split(rs.getString("requirements")),
                AuditColumns.split(rs.getString("controls")), rs.getString("client_response"), rs.getString("root_cause"),
                rs.getString("corrective_action"), rs.getString("owner"), day(rs, "due_on"), rs.getString("status"), rs.getString("raised_by"));
    }
}
