package dev.attest.monitoring.internal;

import dev.attest.monitoring.FindingFilter;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Finding;
import dev.attest.monitoring.FindingEvent;
import dev.attest.monitoring.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The monitoring_finding and monitoring_finding_event tables. */
@Repository
public class FindingStore {

    private static final String COLUMNS = "id, check_key, resource_type, resource_id, severity, control_key, owner, status, opened_at, "
            + "due_at, closed_at, observed";

    private final JdbcClient jdbc;

    FindingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Finding> list(WorkspaceId workspace, FindingFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from monitoring_finding where workspace_id = :ws");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("ws", workspace.value());
        if (filter.status() != null) {
            sql.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.severity() != null) {
            sql.append(" and severity = :severity");
            params.put("severity", filter.severity().wireName());
        }
        if (filter.checkKey() != null) {
            sql.append(" and check_key = :check");
            params.put("check", filter.checkKey());
        }
        if (filter.owner() != null) {
            sql.append(" and owner = :owner");
            params.put("owner", filter.owner());
        }
        if (filter.controlKey() != null) {
            sql.append(" and control_key = :control");
            params.put("control", filter.controlKey());
        }
        sql.append(" order by status desc, due_at, opened_at limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
    }

    public Optional<Finding> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_finding where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query((rs, n) -> row(rs)).optional();
    }

    /** The most recent finding for a check and resource, open or closed. */
    public Optional<Finding> latest(WorkspaceId workspace, String checkKey, String resourceId) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_finding where workspace_id = ? and check_key = ? and resource_id = ? "
                        + "order by opened_at desc limit 1")
                .params(workspace.value(), checkKey, resourceId).query((rs, n) -> row(rs)).optional();
    }

    public List<Finding> open(WorkspaceId workspace) {
        return list(workspace, FindingFilter.open(), Integer.MAX_VALUE);
    }

    public void insert(WorkspaceId workspace, Finding f) {
        jdbc.sql("insert into monitoring_finding (" + COLUMNS + ", workspace_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.id(), f.checkKey(), f.resourceType(), f.resourceId(), f.severity().wireName(), f.controlKey(), f.owner(),
                        f.status(), utc(f.openedAt()), utc(f.dueAt()), utc(f.closedAt()), Documents.write(f.observed()), workspace.value())
                .update();
    }

    public void reopen(WorkspaceId workspace, UUID id, Instant dueAt, String owner, Map<String, Object> observed) {
        jdbc.sql("update monitoring_finding set status = 'open', closed_at = null, due_at = ?, owner = ?, observed = ? "
                        + "where workspace_id = ? and id = ?")
                .params(utc(dueAt), owner, Documents.write(observed), workspace.value(), id).update();
    }

    public void observe(WorkspaceId workspace, UUID id, Map<String, Object> observed) {
        jdbc.sql("update monitoring_finding set observed = ? where workspace_id = ? and id = ?")
                .params(Documents.write(observed), workspace.value(), id).update();
    }

    public void close(WorkspaceId workspace, UUID id, Instant at) {
        jdbc.sql("update monitoring_finding set status = 'closed', closed_at = ? where workspace_id = ? and id = ?")
                .params(utc(at), workspace.value(), id).update();
    }

    public void event(UUID findingId, Instant at, String event, String detail) {
        jdbc.sql("insert into monitoring_finding_event (finding_id, at, event, detail) values (?, ?, ?, ?)")
                .params(findingId, utc(at), event, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000)).update();
    }

    public List<FindingEvent> history(UUID findingId) {
        return jdbc.sql("select at, event, detail from monitoring_finding_event where finding_id = ? order by at, event desc")
                .param(findingId)
                .query((rs, n) -> new FindingEvent(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static Finding row(ResultSet rs) throws SQLException {
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        String observed = rs.getString("observed");
        return new Finding(rs.getObject("id", UUID.class), rs.getString("check_key"), rs.getString("resource_type"),
                rs.getString("resource_id"), Severity.fromWireName(rs.getString("severity")).orElse(Severity.MEDIUM),
                rs.getString("control_key"), rs.getString("owner"), rs.getString("status"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(), rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                closed == null ? null : closed.toInstant(), observed == null ? Map.of() : Documents.read(observed));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
