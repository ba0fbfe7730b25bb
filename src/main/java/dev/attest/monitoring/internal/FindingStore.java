package dev.attest.monitoring.internal;

import dev.attest.monitoring.FindingFilter;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Finding;
import dev.attest.monitoring.FindingEvent;
import dev.attest.monitoring.Severity;
import dev.attest.web.MultiRowInsert;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The monitoring_finding and monitoring_finding_event tables. */
@Repository
@RequiredArgsConstructor
public class FindingStore {

    private static final String COLUMNS = "id, check_key, resource_type, resource_id, severity, control_key, owner, status, opened_at, "
            + "due_at, closed_at, observed";

    /** The columns with the status a person reads: {@code accepted} while an approved risk acceptance covers an open finding. */
    private static final String STATED_COLUMNS = COLUMNS.replace(" status,", " case when status = 'open' and "
            + FindingWorkStore.ACCEPTED + " then 'accepted' else status end as status,");

    private static final String F_COLUMNS = COLUMNS.replaceAll("(\\w+)", "f.$1");
    private static final MultiRowInsert INSERT = new MultiRowInsert("monitoring_finding", (COLUMNS + ", workspace_id").split(", "));
    private static final MultiRowInsert EVENTS = new MultiRowInsert("monitoring_finding_event", "finding_id", "at", "event", "detail");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    private final IdLookup lookup;
    private final Clock clock;

    public List<Finding> list(WorkspaceId workspace, FindingFilter filter, int limit) {
        return list(workspace, filter, limit, 0);
    }

    /** One page of findings, open ones first, by due date; a risk-accepted finding reads status {@code accepted}. */
    public List<Finding> list(WorkspaceId workspace, FindingFilter filter, int limit, int offset) {
        Map<String, Object> params = new java.util.HashMap<>();
        String sql = "select " + STATED_COLUMNS + " from monitoring_finding f" + where(workspace, filter, params)
                + " order by f.status desc, due_at, opened_at limit :limit offset :offset";
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
    }

    /** How many findings match, counted by the database. */
    public long count(WorkspaceId workspace, FindingFilter filter) {
        return counted(workspace, filter, "");
    }

    /** How many findings match, by severity, counted by the database. */
    public Map<String, Long> countBySeverity(WorkspaceId workspace, FindingFilter filter) {
        if (!"open".equals(filter.status())) {
            return countBySeverity(workspace, filter, Acceptance.LEFT_OUT);
        }
        Map<String, Long> counts = countBySeverity(workspace, filter, Acceptance.INCLUDED);
        countBySeverity(workspace, filter, Acceptance.ONLY).forEach((severity, accepted) -> counts.merge(severity, -accepted, Long::sum));
        return counts;
    }

    /** How many open findings (risk-accepted ones aside) are past their due date now. */
    public long countOverdue(WorkspaceId workspace) {
        return counted(workspace, FindingFilter.open(), " and due_at < :due");
    }

    /**
     * Open findings are counted as every open one less the risk-accepted ones: the first is an
     * index-only count, the second starts from the few exceptions. Asked at once ("open and not
     * accepted"), PostgreSQL walked every open finding by id to join the exceptions (250 ms at 100,000).
     */
    private long counted(WorkspaceId workspace, FindingFilter filter, String more) {
        if (!"open".equals(filter.status())) {
            return count(workspace, filter, Acceptance.LEFT_OUT, more);
        }
        return count(workspace, filter, Acceptance.INCLUDED, more) - count(workspace, filter, Acceptance.ONLY, more);
    }

    private long count(WorkspaceId workspace, FindingFilter filter, Acceptance acceptance, String more) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("due", utc(clock.instant()));
        return jdbc.sql("select count(*) from monitoring_finding f" + where(workspace, filter, acceptance, params) + more)
                .params(params).query(Long.class).single();
    }

    private Map<String, Long> countBySeverity(WorkspaceId workspace, FindingFilter filter, Acceptance acceptance) {
        Map<String, Object> params = new java.util.HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select severity, count(*) from monitoring_finding f" + where(workspace, filter, acceptance, params) + " group by severity")
                .params(params).query((ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** What an "open" filter does with the open findings a risk acceptance covers. */
    private enum Acceptance { LEFT_OUT, INCLUDED, ONLY }

    private String where(WorkspaceId workspace, FindingFilter filter, Map<String, Object> params) {
        return where(workspace, filter, Acceptance.LEFT_OUT, params);
    }

    // "open" leaves out the findings a risk acceptance covers: they are "accepted" until it expires or they close
    private String where(WorkspaceId workspace, FindingFilter filter, Acceptance acceptance, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where f.workspace_id = :ws");
        params.put("ws", workspace.value());
        params.put("now", utc(clock.instant()));
        boolean open = "open".equals(filter.status());
        if ("accepted".equals(filter.status()) || open && acceptance == Acceptance.ONLY) {
            sql.append(" and f.status = 'open' and ").append(FindingWorkStore.ACCEPTED);
        } else if (filter.status() != null) {
            sql.append(" and f.status = :status");
            params.put("status", filter.status());
            if (open && acceptance == Acceptance.LEFT_OUT) {
                sql.append(" and not ").append(FindingWorkStore.ACCEPTED);
            }
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
        return sql.toString();
    }

    public Optional<Finding> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + STATED_COLUMNS + " from monitoring_finding f where workspace_id = :ws and id = :id")
                .param("ws", workspace.value()).param("id", id).param("now", utc(clock.instant())).query((rs, n) -> row(rs)).optional();
    }

    /** The most recent finding (open or closed) of every check on these resources of one type, by result pair. */
    public Map<String, Finding> latest(WorkspaceId workspace, String type, Collection<String> ids) {
        Map<String, Finding> latest = new HashMap<>();
        ResourceStore.forChunks(ids, chunk -> jdbc.sql(lookup.select(F_COLUMNS, "monitoring_finding", "f",
                        "f.workspace_id = ? and f.resource_type = ? and f.resource_id = k.id", "order by f.opened_at"))
                .params(IdLookup.ids(chunk), workspace.value(), type)
                .query((ResultSet rs) -> {
                    Finding f = row(rs);
                    latest.put(ResultStore.pair(f.checkKey(), f.resourceId()), f);
                }));
        return latest;
    }

    public List<Finding> open(WorkspaceId workspace) {
        return list(workspace, FindingFilter.open(), Integer.MAX_VALUE);
    }

    public void insertAll(WorkspaceId workspace, List<Finding> created) {
        List<Object[]> rows = new ArrayList<>(created.size());
        for (Finding f : created) {
            rows.add(new Object[]{f.id(), f.checkKey(), f.resourceType(), f.resourceId(), f.severity().wireName(), f.controlKey(), f.owner(),
                    f.status(), utc(f.openedAt()), utc(f.dueAt()), utc(f.closedAt()), Documents.write(f.observed()), workspace.value()});
        }
        INSERT.insert(template, rows);
    }

    /** Opens closed findings again: each row is {due, owner, observed, id}. */
    public void reopenAll(WorkspaceId workspace, List<Finding> reopened) {
        List<Object[]> rows = new ArrayList<>(reopened.size());
        for (Finding f : reopened) {
            rows.add(new Object[]{utc(f.dueAt()), f.owner(), Documents.write(f.observed()), workspace.value(), f.id()});
        }
        template.batchUpdate("update monitoring_finding set status = 'open', closed_at = null, due_at = ?, owner = ?, observed = ? "
                + "where workspace_id = ? and id = ?", rows);
    }

    /** Records what a still-failing resource looks like now on its open finding. */
    public void observeAll(WorkspaceId workspace, Map<UUID, Map<String, Object>> observed) {
        List<Object[]> rows = new ArrayList<>(observed.size());
        observed.forEach((id, values) -> rows.add(new Object[]{Documents.write(values), workspace.value(), id}));
        template.batchUpdate("update monitoring_finding set observed = ? where workspace_id = ? and id = ?", rows);
    }

    public void closeAll(WorkspaceId workspace, Collection<UUID> ids, Instant at) {
        List<Object[]> rows = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            rows.add(new Object[]{utc(at), workspace.value(), id});
        }
        template.batchUpdate("update monitoring_finding set status = 'closed', closed_at = ? where workspace_id = ? and id = ?", rows);
    }

    /** A finding's history entry, for {@link #events(List)}. */
    public record Event(UUID findingId, Instant at, String event, String detail) {
    }

    public void events(List<Event> events) {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Event e : events) {
            String detail = e.detail() == null || e.detail().length() <= 1000 ? e.detail() : e.detail().substring(0, 1000);
            rows.add(new Object[]{e.findingId(), utc(e.at()), e.event(), detail});
        }
        EVENTS.insert(template, rows);
    }

    /** Closes every open finding of a check (it was deleted or now reads another type); gives how many. */
    public int closeAllOfCheck(WorkspaceId workspace, String checkKey, Instant at, String detail) {
        jdbc.sql("insert into monitoring_finding_event (finding_id, at, event, detail) select id, ?, 'closed', ? from monitoring_finding "
                + "where workspace_id = ? and check_key = ? and status = 'open'").params(utc(at), detail, workspace.value(), checkKey).update();
        return jdbc.sql("update monitoring_finding set status = 'closed', closed_at = ? where workspace_id = ? and check_key = ? and status = 'open'")
                .params(utc(at), workspace.value(), checkKey).update();
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
                rs.getString("resource_id"), WireName.parse(Severity.class, rs.getString("severity")).orElse(Severity.MEDIUM),
                rs.getString("control_key"), rs.getString("owner"), rs.getString("status"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(), rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                closed == null ? null : closed.toInstant(), observed == null ? Map.of() : Documents.read(observed));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
