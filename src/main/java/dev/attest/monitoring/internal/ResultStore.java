package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.CheckResult;
import dev.attest.monitoring.Evaluation;
import dev.attest.web.MultiRowInsert;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Evaluations and the latest results per check and resource (each check's tally: {@link TallyStore}). */
@Repository
public class ResultStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    private final JdbcTemplate streaming;

    private final IdLookup lookup;

    private final org.springframework.transaction.support.TransactionTemplate savepoint;

    ResultStore(JdbcClient jdbc, JdbcTemplate template, IdLookup lookup,
                org.springframework.transaction.PlatformTransactionManager transactions) {
        this.lookup = lookup;
        this.savepoint = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.template = template;
        this.streaming = new JdbcTemplate(java.util.Objects.requireNonNull(template.getDataSource()));
        this.streaming.setFetchSize(1000);
    }

    /** Locks the workspace's monitoring row so that two evaluations never interleave their writes. */
    public void lock(WorkspaceId workspace) {
        boolean locked = !jdbc.sql("select workspace_id from monitoring_state where workspace_id = ? for update")
                .param(workspace.value()).query(UUID.class).list().isEmpty();
        if (!locked) {
            try {
                // behind a savepoint: on PostgreSQL a failed insert would otherwise abort the caller's transaction
                savepoint.executeWithoutResult(status ->
                        jdbc.sql("insert into monitoring_state (workspace_id) values (?)").param(workspace.value()).update());
            } catch (DuplicateKeyException raced) {
                // another run (or node) created it a moment ago
            }
            jdbc.sql("select workspace_id from monitoring_state where workspace_id = ? for update")
                    .param(workspace.value()).query(UUID.class).single();
        }
    }

    /** A stored latest result: what a new verdict is compared with. */
    public record Stored(String outcome, String error, String observed) {
    }

    private static final MultiRowInsert INSERT = new MultiRowInsert("monitoring_result",
            "workspace_id", "check_key", "resource_type", "resource_id", "outcome", "error", "observed", "evaluated_at");

    /** The latest results of these resources of one type, by {@link #pair(String, String)}. */
    public Map<String, Stored> latest(WorkspaceId workspace, String type, Collection<String> ids) {
        Map<String, Stored> stored = new HashMap<>();
        ResourceStore.forChunks(ids, chunk -> jdbc.sql(lookup.select("r.check_key, r.resource_id, r.outcome, r.error, r.observed",
                        "monitoring_result", "r", "r.workspace_id = ? and r.resource_type = ? and r.resource_id = k.id", ""))
                .params(IdLookup.ids(chunk), workspace.value(), type)
                .query((ResultSet rs) -> {
                    stored.put(pair(rs.getString(1), rs.getString(2)), new Stored(rs.getString(3), rs.getString(4), rs.getString(5)));
                }));
        return stored;
    }

    /** The key of a check's result on a resource (a check reads one type, so its key and the id name the result). */
    public static String pair(String checkKey, String resourceId) {
        return checkKey + "\u0000" + resourceId;
    }

    public void insert(WorkspaceId workspace, List<CheckResult> results, Instant at) {
        List<Object[]> rows = new ArrayList<>(results.size());
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        for (CheckResult r : results) {
            rows.add(new Object[]{workspace.value(), r.checkKey(), r.resourceType(), r.resourceId(), r.outcome(), clip(r.error()),
                    Documents.write(r.observed()), when});
        }
        INSERT.insert(template, rows);
    }

    public void update(WorkspaceId workspace, List<CheckResult> results, Instant at) {
        List<Object[]> rows = new ArrayList<>(results.size());
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        for (CheckResult r : results) {
            rows.add(new Object[]{r.outcome(), clip(r.error()), Documents.write(r.observed()), when, workspace.value(), r.resourceType(),
                    r.resourceId(), r.checkKey()});
        }
        template.batchUpdate("update monitoring_result set outcome = ?, error = ?, observed = ?, evaluated_at = ? "
                + "where workspace_id = ? and resource_type = ? and resource_id = ? and check_key = ?", rows);
    }

    /** Removes results of resources of one type, by check and resource id. */
    public void delete(WorkspaceId workspace, String type, List<String[]> checkAndResource) {
        List<Object[]> rows = new ArrayList<>(checkAndResource.size());
        for (String[] key : checkAndResource) {
            rows.add(new Object[]{workspace.value(), type, key[1], key[0]});
        }
        template.batchUpdate("delete from monitoring_result where workspace_id = ? and resource_type = ? and resource_id = ? and check_key = ?", rows);
    }

    /**
     * Every latest result of the workspace, streamed in pages of rows from the database (the fetch
     * size keeps PostgreSQL from reading the whole result into memory): each stored resource with
     * each check of its type (passing where it has no row), then the results of resources a record
     * module offers. Observations are left out.
     */
    public void forEach(WorkspaceId workspace, Map<String, List<String>> checksByType, java.util.function.Consumer<CheckResult> consumer) {
        // rows of one stored resource arrive together; the last one's results are given when the next begins
        var current = new Object() {
            String type;
            String id;
            final Map<String, CheckResult> rows = new HashMap<>();

            void flush() {
                if (id == null) {
                    return;
                }
                for (String checkKey : checksByType.getOrDefault(type, List.of())) {
                    CheckResult row = rows.remove(checkKey);
                    consumer.accept(row != null ? row : new CheckResult(checkKey, type, id, "pass", null, Map.of()));
                }
                rows.values().forEach(consumer); // a check that no longer reads this type, until its rows go
                rows.clear();
            }
        };
        streaming.query("select m.type, m.resource_id, r.check_key, r.outcome, r.error from monitoring_resource m "
                        + "left join monitoring_result r on r.workspace_id = m.workspace_id and r.resource_type = m.type "
                        + "and r.resource_id = m.resource_id where m.workspace_id = ? order by m.type, m.resource_id",
                (ResultSet rs) -> {
                    String type = rs.getString(1);
                    String id = rs.getString(2);
                    if (!id.equals(current.id) || !type.equals(current.type)) {
                        current.flush();
                        current.type = type;
                        current.id = id;
                    }
                    if (rs.getString(3) != null) {
                        current.rows.put(rs.getString(3), new CheckResult(rs.getString(3), type, id, rs.getString(4), rs.getString(5), Map.of()));
                    }
                }, workspace.value());
        current.flush();
        streaming.query("select r.check_key, r.resource_type, r.resource_id, r.outcome, r.error from monitoring_result r "
                        + "where r.workspace_id = ? and not exists (select 1 from monitoring_resource m where m.workspace_id = r.workspace_id "
                        + "and m.type = r.resource_type and m.resource_id = r.resource_id) order by r.resource_type, r.resource_id, r.check_key",
                (ResultSet rs) -> {
                    consumer.accept(new CheckResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), Map.of()));
                }, workspace.value());
    }

    /** Resource ids of a type that have results (a full run removes those whose record-module resource is gone). */
    public List<String> resourceIds(WorkspaceId workspace, String type) {
        return jdbc.sql("select distinct resource_id from monitoring_result where workspace_id = ? and resource_type = ?")
                .params(workspace.value(), type).query(String.class).list();
    }

    public void deleteCheck(WorkspaceId workspace, String checkKey) {
        jdbc.sql("delete from monitoring_result where workspace_id = ? and check_key = ?").params(workspace.value(), checkKey).update();
        jdbc.sql("delete from monitoring_check_status where workspace_id = ? and check_key = ?").params(workspace.value(), checkKey).update();
    }

    static String clip(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    public void saveEvaluation(WorkspaceId workspace, Evaluation e) {
        jdbc.sql("insert into monitoring_evaluation (id, workspace_id, trigger_name, started_at, finished_at, resources, checks_passing, "
                        + "checks_failing, checks_idle, results_passed, results_failed, evidence_id, resources_changed, findings_opened, "
                        + "findings_reopened, findings_closed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), workspace.value(), e.trigger(), e.startedAt().atOffset(ZoneOffset.UTC), e.finishedAt().atOffset(ZoneOffset.UTC),
                        e.resources(), e.checksPassing(), e.checksFailing(), e.checksIdle(), e.resultsPassed(), e.resultsFailed(),
                        e.evidenceId(), e.resourcesChanged(), e.findingsOpened(), e.findingsReopened(), e.findingsClosed())
                .update();
        jdbc.sql("update monitoring_state set last_evaluation_id = ? where workspace_id = ?").params(e.id(), workspace.value()).update();
    }

    /** Most recent first. */
    public List<Evaluation> evaluations(WorkspaceId workspace, int limit) {
        return jdbc.sql("select id, trigger_name, started_at, finished_at, resources, checks_passing, checks_failing, checks_idle, "
                        + "results_passed, results_failed, evidence_id, resources_changed, findings_opened, findings_reopened, findings_closed "
                        + "from monitoring_evaluation where workspace_id = ? order by started_at desc limit ?")
                .params(workspace.value(), limit)
                .query((rs, n) -> new Evaluation(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3), instant(rs, 4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getObject(11, UUID.class),
                        rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15)))
                .list();
    }

    /**
     * A check's latest results, failures first, one page: its failing rows, then its passing ones,
     * by resource id. A stored resource of the check's type without a row passes; its result comes
     * with empty observations (the caller may work them out again from the document).
     */
    public List<CheckResult> results(WorkspaceId workspace, String checkKey, String type, int limit, int offset) {
        List<CheckResult> page = new ArrayList<>(jdbc.sql("select check_key, resource_type, resource_id, outcome, error, observed "
                        + "from monitoring_result where workspace_id = ? and check_key = ? and outcome <> 'pass' "
                        + "order by outcome, resource_id limit ? offset ?")
                .params(workspace.value(), checkKey, limit, offset)
                .query((rs, n) -> new CheckResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Documents.read(rs.getString(6))))
                .list());
        if (page.size() == limit) {
            return page;
        }
        int passOffset = page.isEmpty()
                ? offset - jdbc.sql("select count(*) from monitoring_result where workspace_id = ? and check_key = ? and outcome <> 'pass'")
                        .params(workspace.value(), checkKey).query(Integer.class).single()
                : 0;
        // Each side is ordered and cut by its own index (the recorded passes by check, the stored
        // resources by type and id), so that a first page reads about a page of rows, not the whole
        // type: merged unordered, PostgreSQL sorted every stored resource of the type (1 s at a million).
        int wanted = limit - page.size();
        long reach = (long) Math.max(0, passOffset) + wanted;
        page.addAll(jdbc.sql("select resource_id, observed from ("
                        + "(select resource_id, observed from monitoring_result where workspace_id = ? and check_key = ? and outcome = 'pass' "
                        + "order by resource_id limit ?) "
                        + "union all (select m.resource_id, null from monitoring_resource m where m.workspace_id = ? and m.type = ? "
                        + "and not exists (select 1 from monitoring_result r where r.workspace_id = m.workspace_id and r.resource_type = m.type "
                        + "and r.resource_id = m.resource_id and r.check_key = ?) order by m.resource_id limit ?)) passing "
                        + "order by resource_id limit ? offset ?")
                .params(workspace.value(), checkKey, reach, workspace.value(), type, checkKey, reach, wanted, Math.max(0, passOffset))
                .query((rs, n) -> new CheckResult(checkKey, type, rs.getString(1), "pass", null,
                        rs.getString(2) == null ? null : Documents.read(rs.getString(2))))
                .list());
        return page;
    }


    public List<WorkspaceId> workspaces() {
        return jdbc.sql("select workspace_id from monitoring_state").query(UUID.class).list().stream().map(WorkspaceId::new).toList();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
