package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.ConnectionRun;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The monitoring_connection and monitoring_run tables. */
@Repository
@RequiredArgsConstructor
public class ConnectionStore {

    /** A connection row; the secret is still sealed. */
    public record Row(UUID id, WorkspaceId workspace, String name, String kind, String target, String sealedSecret,
                      int intervalMinutes, boolean enabled, Instant nextRunAt) {
    }

    private static final String COLUMNS = "id, workspace_id, name, kind, target, secret, interval_minutes, enabled, next_run_at";
    private static final String RUN_COLUMNS = "id, connection_id, trigger_name, status, progress, started_at, finished_at, duration_ms, "
            + "resources_seen, error";

    private final JdbcClient jdbc;

    public void insert(Row row, String actor, Instant at) {
        jdbc.sql("insert into monitoring_connection (" + COLUMNS + ", created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.id(), row.workspace().value(), row.name(), row.kind(), row.target(), row.sealedSecret(), row.intervalMinutes(),
                        row.enabled(), utc(row.nextRunAt()), utc(at), actor)
                .update();
    }

    public void update(Row row) {
        jdbc.sql("update monitoring_connection set name = ?, target = ?, secret = ?, interval_minutes = ?, enabled = ?, next_run_at = ? "
                        + "where workspace_id = ? and id = ?")
                .params(row.name(), row.target(), row.sealedSecret(), row.intervalMinutes(), row.enabled(), utc(row.nextRunAt()),
                        row.workspace().value(), row.id())
                .update();
    }

    public boolean delete(WorkspaceId workspace, UUID id) {
        jdbc.sql("delete from monitoring_run where workspace_id = ? and connection_id = ?").params(workspace.value(), id).update();
        return jdbc.sql("delete from monitoring_connection where workspace_id = ? and id = ?").params(workspace.value(), id).update() > 0;
    }

    public List<Row> all(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_connection where workspace_id = ? order by name")
                .param(workspace.value()).query((rs, n) -> row(rs)).list();
    }

    public Optional<Row> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_connection where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query((rs, n) -> row(rs)).optional();
    }

    /** Enabled connections due at that time, across workspaces: the scheduler's work list. */
    public List<Row> due(Instant at) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_connection where enabled = true and next_run_at <= ? order by next_run_at")
                .param(utc(at)).query((rs, n) -> row(rs)).list();
    }

    public void scheduleNext(UUID id, Instant next) {
        jdbc.sql("update monitoring_connection set next_run_at = ? where id = ?").params(utc(next), id).update();
    }

    public void startRun(WorkspaceId workspace, ConnectionRun run) {
        jdbc.sql("insert into monitoring_run (" + RUN_COLUMNS + ", workspace_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(run.id(), run.connectionId(), run.trigger(), run.status(), run.progress(), utc(run.startedAt()), null, null, null, null,
                        workspace.value())
                .update();
    }

    public void progress(UUID runId, String step) {
        jdbc.sql("update monitoring_run set progress = ? where id = ?").params(step.length() > 200 ? step.substring(0, 200) : step, runId).update();
    }

    /**
     * Records a run's end; a claimed run only by the claim that still holds it, so that a run taken over by
     * another node ends once. False when the claim was lost.
     */
    public boolean finishRun(UUID runId, String claim, String status, Instant at, long durationMs, Integer resources, String error) {
        String shown = error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
        var update = jdbc.sql("update monitoring_run set status = ?, finished_at = ?, duration_ms = ?, resources_seen = ?, error = ?, progress = null, "
                        + "lease_until = null where id = ? and status = 'running' and " + (claim == null ? "claimed_by is null" : "claimed_by = ?"))
                .params(status, utc(at), durationMs, resources, shown, runId);
        return (claim == null ? update : update.param(claim)).update() == 1;
    }

    public List<ConnectionRun> runs(WorkspaceId workspace, UUID connectionId, int limit) {
        return jdbc.sql("select " + RUN_COLUMNS + " from monitoring_run where workspace_id = ? and connection_id = ? "
                        + "order by started_at desc limit ?")
                .params(workspace.value(), connectionId, limit).query((rs, n) -> run(rs)).list();
    }

    public Optional<ConnectionRun> run(WorkspaceId workspace, UUID runId) {
        return jdbc.sql("select " + RUN_COLUMNS + " from monitoring_run where workspace_id = ? and id = ?")
                .params(workspace.value(), runId).query((rs, n) -> run(rs)).optional();
    }

    /**
     * Synchronous runs (not queued) left "running" for over an hour by a node that stopped: they will never
     * finish. Queued runs are not touched: another node claims them again once their lease lapses.
     */
    public int abandonRunning(Instant at) {
        return jdbc.sql("update monitoring_run set status = 'failed', finished_at = ?, error = 'the application stopped during the run' "
                + "where status = 'running' and queued_at is null and started_at < ?").params(utc(at), utc(at.minusSeconds(3600))).update();
    }

    /** Finished runs of a status across workspaces: how many, for the cluster's {@code attest_collector_runs}. */
    public long finishedRuns(String status) {
        return jdbc.sql("select count(*) from monitoring_run where status = ?").param(status).query(Long.class).single();
    }

    /** The total duration, in milliseconds, of the finished runs of a status across workspaces. */
    public long finishedRunMillis(String status) {
        return jdbc.sql("select coalesce(sum(duration_ms), 0) from monitoring_run where status = ?").param(status).query(Long.class).single();
    }

    // ---- the run queue: a queued run is 'running' with a queued_at and, once a node claims it, a lease

    /** A queued run as a node claims it. */
    public record QueuedRun(UUID id, WorkspaceId workspace, UUID connectionId, String trigger, String actor, int attempts) {
    }

    /** Queues a run; with a claim, the requesting node takes it at once for one lease. */
    public void enqueue(WorkspaceId workspace, ConnectionRun run, String actor, String claim, Duration lease) {
        OffsetDateTime now = databaseNow();
        jdbc.sql("insert into monitoring_run (" + RUN_COLUMNS + ", workspace_id, queued_at, actor, claimed_by, lease_until, attempts) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(run.id(), run.connectionId(), run.trigger(), run.status(), run.progress(), utc(run.startedAt()), null, null, null, null,
                        workspace.value(), now, actor, claim, claim == null ? null : now.plus(lease), claim == null ? 0 : 1)
                .update();
    }

    /**
     * Claims the oldest run that waits (never claimed, or its node's lease lapsed), skipping runs another node is
     * claiming at this moment; call it inside a transaction.
     */
    public Optional<UUID> claimNext(String claim, Duration lease) {
        OffsetDateTime now = databaseNow();
        Optional<UUID> next = jdbc.sql("select id from monitoring_run where status = 'running' and queued_at is not null "
                        + "and (claimed_by is null or lease_until < ?) order by queued_at limit 1 for update skip locked")
                .param(now).query(UUID.class).optional();
        next.ifPresent(id -> jdbc.sql("update monitoring_run set claimed_by = ?, lease_until = ?, attempts = attempts + 1, progress = 'starting' "
                + "where id = ?").params(claim, now.plus(lease), id).update());
        return next;
    }

    public Optional<QueuedRun> queued(UUID runId) {
        return jdbc.sql("select id, workspace_id, connection_id, trigger_name, actor, attempts from monitoring_run where id = ?")
                .param(runId)
                .query((rs, n) -> new QueuedRun(rs.getObject(1, UUID.class), new WorkspaceId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getInt(6)))
                .optional();
    }

    /** Extends a claim by one lease; false when the claim was lost (another node took the run over). */
    public boolean renew(UUID runId, String claim, Duration lease) {
        return jdbc.sql("update monitoring_run set lease_until = ? where id = ? and claimed_by = ? and status = 'running'")
                .params(databaseNow().plus(lease), runId, claim).update() == 1;
    }

    /** Hands a claimed run back to the queue (a node shutting down), so another node claims it at once. */
    public void release(UUID runId, String claim) {
        jdbc.sql("update monitoring_run set claimed_by = null, lease_until = null, progress = 'queued' "
                + "where id = ? and claimed_by = ? and status = 'running'").params(runId, claim).update();
    }

    /** When the oldest run still waiting for a node was queued, if any. */
    public Optional<Instant> oldestWaiting() {
        OffsetDateTime oldest = jdbc.sql("select min(queued_at) from monitoring_run where status = 'running' and queued_at is not null "
                        + "and (claimed_by is null or lease_until < ?)")
                .param(databaseNow()).query(OffsetDateTime.class).optional().orElse(null);
        return Optional.ofNullable(oldest).map(OffsetDateTime::toInstant);
    }

    /** Leases run on the database's clock, so that nodes whose clocks differ (or tests that move theirs) agree. */
    private OffsetDateTime databaseNow() {
        return jdbc.sql("select current_timestamp").query(OffsetDateTime.class).single();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("name"),
                rs.getString("kind"), rs.getString("target"), rs.getString("secret"), rs.getInt("interval_minutes"), rs.getBoolean("enabled"),
                instant(rs, "next_run_at"));
    }

    private static ConnectionRun run(ResultSet rs) throws SQLException {
        long duration = rs.getLong("duration_ms");
        boolean noDuration = rs.wasNull();
        int seen = rs.getInt("resources_seen");
        boolean noSeen = rs.wasNull();
        return new ConnectionRun(rs.getObject("id", UUID.class), rs.getObject("connection_id", UUID.class), rs.getString("trigger_name"),
                rs.getString("status"), rs.getString("progress"), instant(rs, "started_at"), instant(rs, "finished_at"),
                noDuration ? null : duration, noSeen ? null : seen, rs.getString("error"));
    }

}
