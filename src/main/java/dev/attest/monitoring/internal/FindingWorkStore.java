package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Finding;
import dev.attest.monitoring.Severity;
import dev.attest.web.TableQuery;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/**
 * The monitoring_finding_work and monitoring_finding_exception tables, and findings read together
 * with them. A finding's state is worked out in SQL: an approved exception counts only while it has
 * not expired and the finding has not closed since it was approved (a fix ends the exception).
 */
@Repository
@RequiredArgsConstructor
class FindingWorkStore {

    /** The list's sortable columns and the SQL each sorts by. */
    static final Map<String, String> SORTS;

    static {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("due", "due_at");
        sorts.put("opened", "opened_at");
        sorts.put("severity", "case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end");
        sorts.put("check", "check_key");
        sorts.put("resource", "resource_id");
        sorts.put("responsible", "responsible");
        sorts.put("state", "state");
        sorts.put("expires", "expires_at");
        SORTS = java.util.Collections.unmodifiableMap(sorts);
    }

    /**
     * SQL true for an open finding {@code f} that an approved, unexpired exception accepts: the exception counts only
     * until it expires and until the finding closes after its approval (a fix ends it). Reads the {@code :now} parameter.
     */
    static final String ACCEPTED = "exists (select 1 from monitoring_finding_exception x0 where x0.finding_id = f.id "
            + "and x0.approved_at is not null and x0.expires_at > :now and not exists (select 1 from monitoring_finding_event e "
            + "where e.finding_id = f.id and e.event = 'closed' and e.at >= x0.approved_at))";

    private static final String ROWS = """
            select f.id, f.check_key, f.resource_type, f.resource_id, f.severity, f.control_key, f.owner, f.status, f.opened_at,
                   f.due_at, f.closed_at, f.observed, w.assignee, w.ticket_url, coalesce(w.assignee, f.owner) as responsible,
                   x.reason, x.requested_by, x.approver, x.requested_at, x.approved_at, x.expires_at,
                   case when f.status = 'closed' then 'closed' when %s then 'accepted'
                        else 'open' end as state
            from monitoring_finding f
            left join monitoring_finding_work w on w.finding_id = f.id
            left join monitoring_finding_exception x on x.finding_id = f.id
            where f.workspace_id = :ws""".formatted(ACCEPTED);

    /** What the worked list is filtered by; null is any. Overdue: open (not accepted) and past the due date. */
    record Filter(String state, Severity severity, String check, String responsible, String control, Boolean excepted,
                  Boolean overdue) {
        static final Set<String> STATES = Set.of("open", "accepted", "closed");

        static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    private final JdbcClient jdbc;

    List<WorkedFinding> page(WorkspaceId workspace, Filter filter, TableQuery query, Instant now) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select * from (" + ROWS + narrowed(filter) + ") t" + where(workspace, filter, now, params)
                + " order by " + SORTS.get(query.sort()) + " " + query.sqlDirection() + ", id limit :limit offset :offset";
        params.put("limit", query.size());
        params.put("offset", query.offset());
        return jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
    }

    long count(WorkspaceId workspace, Filter filter, Instant now) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from (" + ROWS + narrowed(filter) + ") t" + where(workspace, filter, now, params)).params(params)
                .query(Long.class).single();
    }

    Optional<WorkedFinding> find(WorkspaceId workspace, UUID id, Instant now) {
        return jdbc.sql(ROWS + " and f.id = :id").param("ws", workspace.value()).param("now", utc(now)).param("id", id)
                .query((rs, n) -> row(rs)).optional();
    }

    List<WorkedFinding> findAll(WorkspaceId workspace, Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ROWS + " and f.id in (:ids)").param("ws", workspace.value()).param("now", utc(now)).param("ids", ids)
                .query((rs, n) -> row(rs)).list();
    }

    /**
     * The filters that read a finding's own columns, repeated inside the derived table so that the
     * database narrows by its indexes (status, severity, check) before joining and working out each
     * row's state; {@link #where} still applies every filter to the worked rows.
     */
    private static String narrowed(Filter filter) {
        StringBuilder sql = new StringBuilder();
        if (filter.state() != null) {
            sql.append("closed".equals(filter.state()) ? " and f.status = 'closed'" : " and f.status = 'open'");
        }
        if (filter.severity() != null) {
            sql.append(" and f.severity = :severity");
        }
        if (filter.check() != null) {
            sql.append(" and f.check_key = :check");
        }
        if (filter.control() != null) {
            sql.append(" and f.control_key = :control");
        }
        return sql.toString();
    }

    private static String where(WorkspaceId workspace, Filter filter, Instant now, Map<String, Object> params) {
        params.put("ws", workspace.value());
        params.put("now", utc(now));
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        if (filter.state() != null) {
            sql.append(" and state = :state");
            params.put("state", filter.state());
        }
        if (filter.severity() != null) {
            sql.append(" and severity = :severity");
            params.put("severity", filter.severity().wireName());
        }
        if (filter.check() != null) {
            sql.append(" and check_key = :check");
            params.put("check", filter.check());
        }
        if (filter.responsible() != null) {
            sql.append(" and responsible = :responsible");
            params.put("responsible", filter.responsible());
        }
        if (filter.control() != null) {
            sql.append(" and control_key = :control");
            params.put("control", filter.control());
        }
        if (Boolean.TRUE.equals(filter.excepted())) {
            sql.append(" and reason is not null");
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            sql.append(" and state = 'open' and due_at < :now");
        }
        return sql.toString();
    }

    void assign(WorkspaceId workspace, UUID finding, String assignee, Instant now) {
        setWork(workspace, finding, "assignee", assignee, now);
    }

    void linkTicket(WorkspaceId workspace, UUID finding, String url, Instant now) {
        setWork(workspace, finding, "ticket_url", url, now);
    }

    /** Sets one column of the finding's work row, creating the row on first use; {@code column} is one of ours, never input. */
    private void setWork(WorkspaceId workspace, UUID finding, String column, String value, Instant now) {
        int updated = jdbc.sql("update monitoring_finding_work set " + column + " = ?, updated_at = ? where workspace_id = ? and finding_id = ?")
                .params(value, utc(now), workspace.value(), finding).update();
        if (updated == 0) {
            jdbc.sql("insert into monitoring_finding_work (finding_id, workspace_id, " + column + ", updated_at) values (?, ?, ?, ?)")
                    .params(finding, workspace.value(), value, utc(now)).update();
        }
    }

    /** Records a new request for an exception, replacing an earlier one (requested, approved or lapsed). */
    void requestException(WorkspaceId workspace, UUID finding, WorkedFinding.RiskException exception) {
        jdbc.sql("delete from monitoring_finding_exception where workspace_id = ? and finding_id = ?").params(workspace.value(), finding).update();
        jdbc.sql("insert into monitoring_finding_exception (finding_id, workspace_id, reason, requested_by, approver, requested_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(finding, workspace.value(), exception.reason(), exception.requestedBy(), exception.approver(),
                        utc(exception.requestedAt()), utc(exception.expiresAt())).update();
    }

    void approveException(WorkspaceId workspace, UUID finding, Instant now) {
        jdbc.sql("update monitoring_finding_exception set approved_at = ? where workspace_id = ? and finding_id = ?")
                .params(utc(now), workspace.value(), finding).update();
    }

    /** An approved exception that reached its expiry, across workspaces. */
    record Lapsed(WorkspaceId workspace, UUID findingId, Instant expiresAt) {
    }

    List<Lapsed> lapsed(Instant now, int limit) {
        return jdbc.sql("select workspace_id, finding_id, expires_at from monitoring_finding_exception "
                        + "where expires_at <= ? and approved_at is not null order by expires_at limit ?")
                .params(utc(now), limit)
                .query((rs, n) -> new Lapsed(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getObject("finding_id", UUID.class),
                        instant(rs, "expires_at"))).list();
    }

    /**
     * Open findings of a severity across workspaces, less those a risk acceptance in force covers: the cluster's
     * {@code attest_findings_open}. Counted as two index-friendly queries; "open and not accepted" in one walked every
     * open finding to join the exceptions.
     */
    long openNotAccepted(String severity, Instant now) {
        String open = "select count(*) from monitoring_finding f where f.status = 'open' and f.severity = :severity";
        long all = jdbc.sql(open).param("severity", severity).query(Long.class).single();
        long accepted = jdbc.sql(open + " and " + ACCEPTED).param("severity", severity).param("now", utc(now)).query(Long.class).single();
        return all - accepted;
    }

    void removeException(WorkspaceId workspace, UUID finding) {
        jdbc.sql("delete from monitoring_finding_exception where workspace_id = ? and finding_id = ?").params(workspace.value(), finding).update();
    }

    private static WorkedFinding row(ResultSet rs) throws SQLException {
        String observed = rs.getString("observed");
        Finding finding = new Finding(rs.getObject("id", UUID.class), rs.getString("check_key"), rs.getString("resource_type"),
                rs.getString("resource_id"), WireName.parse(Severity.class, rs.getString("severity")).orElse(Severity.MEDIUM),
                rs.getString("control_key"), rs.getString("owner"), rs.getString("status"),
                instant(rs, "opened_at"), instant(rs, "due_at"), instant(rs, "closed_at"), observed == null ? Map.of() : Documents.read(observed));
        WorkedFinding.RiskException exception = null;
        if (rs.getString("reason") != null) {
            exception = new WorkedFinding.RiskException(rs.getString("reason"), rs.getString("requested_by"), rs.getString("approver"),
                    instant(rs, "requested_at"), instant(rs, "approved_at"), instant(rs, "expires_at"));
        }
        return new WorkedFinding(finding, rs.getString("state"), rs.getString("assignee"), rs.getString("ticket_url"), exception);
    }

}
