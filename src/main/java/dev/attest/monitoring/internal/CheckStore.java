package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.Severity;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The monitoring_check table: checks a workspace wrote itself. */
@Repository
@RequiredArgsConstructor
public class CheckStore {

    private static final String COLUMNS = "check_key, title, resource_type, severity, controls, description, expression";

    private final JdbcClient jdbc;

    public List<Check> all(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_check where workspace_id = ? order by check_key")
                .param(workspace.value()).query((rs, n) -> row(rs)).list();
    }

    public Optional<Check> find(WorkspaceId workspace, String key) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_check where workspace_id = ? and check_key = ?")
                .params(workspace.value(), key).query((rs, n) -> row(rs)).optional();
    }

    public void save(WorkspaceId workspace, Check check, String actor, Instant at) {
        Object[] values = {check.title(), check.resourceType(), check.severity().wireName(), String.join(",", check.controls()),
                check.description(), check.expression(), at.atOffset(ZoneOffset.UTC), actor, workspace.value(), check.key()};
        int updated = jdbc.sql("update monitoring_check set title = ?, resource_type = ?, severity = ?, controls = ?, description = ?, "
                + "expression = ?, updated_at = ?, updated_by = ? where workspace_id = ? and check_key = ?").params(values).update();
        if (updated == 0) {
            jdbc.sql("insert into monitoring_check (title, resource_type, severity, controls, description, expression, updated_at, "
                    + "updated_by, workspace_id, check_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(values).update();
        }
    }

    public boolean delete(WorkspaceId workspace, String key) {
        return jdbc.sql("delete from monitoring_check where workspace_id = ? and check_key = ?").params(workspace.value(), key).update() > 0;
    }

    public List<WorkspaceId> workspaces() {
        return jdbc.sql("select distinct workspace_id from monitoring_check").query(java.util.UUID.class).list()
                .stream().map(WorkspaceId::new).toList();
    }

    private static Check row(ResultSet rs) throws SQLException {
        return new Check(rs.getString(1), rs.getString(2), rs.getString(3), WireName.parse(Severity.class, rs.getString(4)).orElse(Severity.MEDIUM),
                Arrays.stream(rs.getString(5).split(",")).filter(s -> !s.isBlank()).toList(), rs.getString(6), rs.getString(7), false);
    }
}
