package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.ConnectionRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The monitoring_connection and monitoring_run tables. */
@Repository
public class ConnectionStore {

    /** A connection row; the secret is still sealed. */
    public record Row(UUID id, WorkspaceId workspace, String name, String kind, String target, String sealedSecret,
                      int intervalMinutes, boolean enabled, Instant nextRunAt) {
    }

    private static final String COLUMNS = "id, workspace_id, name, kind, target, secret, interval_minutes, enabled, next_run_at";
    private static final String RUN_COLUMNS = "id, connection_id, trigger_name, status, progress, started_at, finished_at, duration_ms, "
            + "resources_seen, error";

    private final JdbcClient jdbc;

    ConnectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    public void finishRun(UUID runId, String status, Instant at, long durationMs, Integer resources, String error) {
        jdbc.sql("update monitoring_run set status = ?, finished_at = ?, duration_ms = ?, resources_seen = ?, error = ?, progress = null "
                        + "where id = ?")
                .params(status, utc(at), durationMs, resources, error == null || error.length() <= 2000 ? error : error.substring(0, 2000), runId)
                .update();
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

    /** Runs left "running" for over an hour by a node that stopped: they will never finish. */
    public int abandonRunning(Instant at) {
        return jdbc.sql("update monitoring_run set status = 'failed', finished_at = ?, error = 'the application stopped during the run' "
                + "where status = 'running' and started_at < ?").params(utc(at), utc(at.minusSeconds(3600))).update();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), new WorkspaceId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8), rs.getObject(9, OffsetDateTime.class).toInstant());
    }

    private static ConnectionRun run(ResultSet rs) throws SQLException {
        OffsetDateTime finished = rs.getObject(7, OffsetDateTime.class);
        long duration = rs.getLong(8);
        boolean noDuration = rs.wasNull();
        int seen = rs.getInt(9);
        boolean noSeen = rs.wasNull();
        return new ConnectionRun(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant(),
                noDuration ? null : duration, noSeen ? null : seen, rs.getString(10));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
