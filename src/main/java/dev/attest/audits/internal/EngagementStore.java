package dev.attest.audits.internal;

import dev.attest.audits.Audit;
import dev.attest.audits.AuditKind;
import dev.attest.audits.AuditStatus;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.audits.internal.AuditColumns.date;
import static dev.attest.audits.internal.AuditColumns.day;
import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The tables audit and audit_auditor. */
@Repository
@RequiredArgsConstructor
class EngagementStore {

    private static final String COLUMNS = "id, framework_id, kind, scope, firm, lead_auditor, period_start, period_end, fieldwork_start, "
            + "fieldwork_end, status, report_issued_on, report_sha256, created_at, created_by";

    /** An auditor's access to one audit. */
    record Grant(UUID auditId, String email, LocalDate accessEnds, Instant invitedAt, String invitedBy) {
    }

    private final JdbcClient jdbc;

    void insert(WorkspaceId workspace, Audit a) {
        jdbc.sql("insert into audit (" + COLUMNS + ", workspace_id, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.framework(), a.kind().wireName(), AuditColumns.joined(a.scope()), a.firm(), a.leadAuditor(), date(a.periodStart()),
                        date(a.periodEnd()), date(a.fieldworkStart()), date(a.fieldworkEnd()), a.status().wireName(),
                        date(a.reportIssuedOn()), a.reportSha256(), utc(a.createdAt()), a.createdBy(), workspace.value(), utc(a.createdAt()))
                .update();
    }

    void update(WorkspaceId workspace, Audit a, Instant at) {
        jdbc.sql("""
                        update audit set scope = ?, firm = ?, lead_auditor = ?, period_start = ?, period_end = ?, fieldwork_start = ?,
                        fieldwork_end = ?, status = ?, report_issued_on = ?, report_sha256 = ?, updated_at = ? where workspace_id = ? and id = ?""")
                .params(AuditColumns.joined(a.scope()), a.firm(), a.leadAuditor(), date(a.periodStart()), date(a.periodEnd()),
                        date(a.fieldworkStart()), date(a.fieldworkEnd()), a.status().wireName(), date(a.reportIssuedOn()),
                        a.reportSha256(), utc(at), workspace.value(), a.id())
                .update();
    }

    Optional<Audit> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from audit where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query(EngagementStore::audit).optional();
    }

    List<Audit> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from audit where workspace_id = ? order by period_end desc, created_at desc")
                .param(workspace.value()).query(EngagementStore::audit).list();
    }

    /** The audits an auditor was invited to (whether or not the access is still current). */
    List<Audit> invitedTo(WorkspaceId workspace, String email) {
        return jdbc.sql("select " + COLUMNS.replaceAll("(\\w+)", "a.$1") + " from audit a join audit_auditor g on g.audit_id = a.id "
                        + "where a.workspace_id = ? and g.email = ? order by a.period_end desc")
                .params(workspace.value(), email.toLowerCase(Locale.ROOT)).query(EngagementStore::audit).list();
    }

    void grant(WorkspaceId workspace, Grant g) {
        int changed = jdbc.sql("update audit_auditor set access_ends = ?, invited_at = ?, invited_by = ? where audit_id = ? and email = ?")
                .params(date(g.accessEnds()), utc(g.invitedAt()), g.invitedBy(), g.auditId(), g.email()).update();
        if (changed == 0) {
            jdbc.sql("insert into audit_auditor (audit_id, workspace_id, email, access_ends, invited_at, invited_by) values (?, ?, ?, ?, ?, ?)")
                    .params(g.auditId(), workspace.value(), g.email(), date(g.accessEnds()), utc(g.invitedAt()), g.invitedBy()).update();
        }
    }

    Optional<Grant> grantOf(UUID auditId, String email) {
        return jdbc.sql("select audit_id, email, access_ends, invited_at, invited_by from audit_auditor where audit_id = ? and email = ?")
                .params(auditId, email.toLowerCase(Locale.ROOT)).query(EngagementStore::grant).optional();
    }

    List<Grant> grants(UUID auditId) {
        return jdbc.sql("select audit_id, email, access_ends, invited_at, invited_by from audit_auditor where audit_id = ? order by email")
                .param(auditId).query(EngagementStore::grant).list();
    }

    /** Every workspace that has audits, for resources and the calendar. */
    List<UUID> workspacesWithAudits() {
        return jdbc.sql("select distinct workspace_id from audit").query(UUID.class).list();
    }

    private static Grant grant(ResultSet rs, int n) throws SQLException {
        return new Grant(rs.getObject("audit_id", UUID.class), rs.getString("email"), day(rs, "access_ends"), instant(rs, "invited_at"),
                rs.getString("invited_by"));
    }

    private static Audit audit(ResultSet rs, int n) throws SQLException {
        return new Audit(rs.getObject("id", UUID.class), rs.getString("framework_id"), WireName.require(AuditKind.class, rs.getString("kind")),
                AuditColumns.split(rs.getString("scope")), rs.getString("firm"), rs.getString("lead_auditor"), day(rs, "period_start"),
                day(rs, "period_end"), day(rs, "fieldwork_start"), day(rs, "fieldwork_end"),
                AuditStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), day(rs, "report_issued_on"),
                rs.getString("report_sha256"), instant(rs, "created_at"), rs.getString("created_by"));
    }
}
