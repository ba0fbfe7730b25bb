package dev.attest.monitoring.internal;

import dev.attest.monitoring.CheckTally;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.CheckResult;
import dev.attest.monitoring.Evaluation;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Evaluations, the latest results per check and resource, and each check's latest tally. */
@Repository
public class ResultStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ResultStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Locks the workspace's monitoring row so that two evaluations never interleave their writes. */
    public void lock(WorkspaceId workspace) {
        boolean locked = !jdbc.sql("select workspace_id from monitoring_state where workspace_id = ? for update")
                .param(workspace.value()).query(UUID.class).list().isEmpty();
        if (!locked) {
            try {
                jdbc.sql("insert into monitoring_state (workspace_id) values (?)").param(workspace.value()).update();
            } catch (DuplicateKeyException raced) {
                // another node created it a moment ago
            }
            jdbc.sql("select workspace_id from monitoring_state where workspace_id = ? for update")
                    .param(workspace.value()).query(UUID.class).single();
        }
    }

    public void replaceResults(WorkspaceId workspace, List<CheckResult> results, Map<String, CheckTally> tallies, Instant at) {
        jdbc.sql("delete from monitoring_result where workspace_id = ?").param(workspace.value()).update();
        List<Object[]> rows = new ArrayList<>(results.size());
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        for (CheckResult r : results) {
            rows.add(new Object[]{workspace.value(), r.checkKey(), r.resourceType(), r.resourceId(), r.outcome(),
                    r.error() == null || r.error().length() <= 1000 ? r.error() : r.error().substring(0, 1000),
                    Documents.write(r.observed()), when});
        }
        template.batchUpdate("insert into monitoring_result (workspace_id, check_key, resource_type, resource_id, outcome, error, "
                + "observed, evaluated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.sql("delete from monitoring_check_status where workspace_id = ?").param(workspace.value()).update();
        List<Object[]> tallyRows = new ArrayList<>();
        for (CheckTally t : tallies.values()) {
            tallyRows.add(new Object[]{workspace.value(), t.checkKey(), t.passed(), t.failed(), when});
        }
        template.batchUpdate("insert into monitoring_check_status (workspace_id, check_key, passed, failed, evaluated_at) "
                + "values (?, ?, ?, ?, ?)", tallyRows);
    }

    public void saveEvaluation(WorkspaceId workspace, Evaluation e) {
        jdbc.sql("insert into monitoring_evaluation (id, workspace_id, trigger_name, started_at, finished_at, resources, checks_passing, "
                        + "checks_failing, checks_idle, results_passed, results_failed, evidence_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), workspace.value(), e.trigger(), e.startedAt().atOffset(ZoneOffset.UTC), e.finishedAt().atOffset(ZoneOffset.UTC),
                        e.resources(), e.checksPassing(), e.checksFailing(), e.checksIdle(), e.resultsPassed(), e.resultsFailed(),
                        e.evidenceId())
                .update();
        jdbc.sql("update monitoring_state set last_evaluation_id = ? where workspace_id = ?").params(e.id(), workspace.value()).update();
    }

    /** Most recent first. */
    public List<Evaluation> evaluations(WorkspaceId workspace, int limit) {
        return jdbc.sql("select id, trigger_name, started_at, finished_at, resources, checks_passing, checks_failing, checks_idle, "
                        + "results_passed, results_failed, evidence_id from monitoring_evaluation where workspace_id = ? "
                        + "order by started_at desc limit ?")
                .params(workspace.value(), limit)
                .query((rs, n) -> new Evaluation(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3), instant(rs, 4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getObject(11, UUID.class)))
                .list();
    }

    public List<CheckResult> results(WorkspaceId workspace, String checkKey) {
        return jdbc.sql("select check_key, resource_type, resource_id, outcome, error, observed from monitoring_result "
                        + "where workspace_id = ? and check_key = ? order by outcome, resource_id")
                .params(workspace.value(), checkKey)
                .query((rs, n) -> new CheckResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Documents.read(rs.getString(6))))
                .list();
    }

    public Map<String, CheckTally> tallies(WorkspaceId workspace) {
        Map<String, CheckTally> tallies = new HashMap<>();
        jdbc.sql("select check_key, passed, failed, evaluated_at from monitoring_check_status where workspace_id = ?")
                .param(workspace.value())
                .query((ResultSet rs) -> {
                    tallies.put(rs.getString(1), new CheckTally(rs.getString(1), rs.getInt(2), rs.getInt(3), instant(rs, 4)));
                });
        return tallies;
    }

    public List<WorkspaceId> workspaces() {
        return jdbc.sql("select workspace_id from monitoring_state").query(UUID.class).list().stream().map(WorkspaceId::new).toList();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
