package dev.attest.controls.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.catalog.ControlKey;
import dev.attest.controls.AdoptedFramework;
import dev.attest.controls.ControlState;
import dev.attest.controls.ImplementationStatus;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The controls module's tables: workspace_control and workspace_framework. */
@Repository
@RequiredArgsConstructor
class ControlStateStore {

    private final JdbcClient jdbc;

    /** The states someone has set; controls never touched have no row. Rows for keys the catalog dropped are skipped. */
    Map<ControlKey, ControlState> states(WorkspaceId workspace, Catalog catalog) {
        Map<ControlKey, ControlState> states = new HashMap<>();
        jdbc.sql("select control_key, status, owner, justification, notes, updated_at, updated_by from workspace_control where workspace_id = ?")
                .param(workspace.value())
                .query((ResultSet rs) -> {
                    Optional<Control> control = catalog.control(rs.getString("control_key"));
                    if (control.isPresent()) {
                        states.put(control.get().key(), row(control.get(), rs));
                    }
                });
        return states;
    }

    Optional<ControlState> state(WorkspaceId workspace, Control control) {
        return jdbc.sql("select control_key, status, owner, justification, notes, updated_at, updated_by from workspace_control "
                        + "where workspace_id = ? and control_key = ?")
                .params(workspace.value(), control.key().value())
                .query((rs, n) -> row(control, rs))
                .optional();
    }

    private static ControlState row(Control control, ResultSet rs) throws SQLException {
        return new ControlState(control, WireName.parse(ImplementationStatus.class, rs.getString("status")).orElse(ImplementationStatus.NOT_STARTED),
                rs.getString("owner"), rs.getString("justification"), rs.getString("notes"),
                instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    void save(WorkspaceId workspace, ControlState state) {
        int updated = jdbc.sql("""
                        update workspace_control set status = ?, owner = ?, justification = ?, notes = ?, updated_at = ?, updated_by = ?
                        where workspace_id = ? and control_key = ?""")
                .params(state.status().wireName(), state.owner(), state.justification(), state.notes(), utc(state.updatedAt()),
                        state.updatedBy(), workspace.value(), state.control().key().value())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into workspace_control (workspace_id, control_key, status, owner, justification, notes, updated_at, updated_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(workspace.value(), state.control().key().value(), state.status().wireName(), state.owner(),
                            state.justification(), state.notes(), utc(state.updatedAt()), state.updatedBy())
                    .update();
        }
    }

    Map<String, AdoptedFramework> adopted(WorkspaceId workspace) {
        Map<String, AdoptedFramework> adopted = new LinkedHashMap<>();
        jdbc.sql("select framework_id, categories from workspace_framework where workspace_id = ?")
                .param(workspace.value())
                .query((ResultSet rs) -> {
                    adopted.put(rs.getString("framework_id"),
                            new AdoptedFramework(rs.getString("framework_id"), splitCategories(rs.getString("categories"))));
                });
        return adopted;
    }

    void saveAdoption(WorkspaceId workspace, AdoptedFramework framework, Instant now) {
        String categories = framework.categories().stream().sorted().collect(Collectors.joining(","));
        int updated = jdbc.sql("update workspace_framework set categories = ? where workspace_id = ? and framework_id = ?")
                .params(categories, workspace.value(), framework.frameworkId()).update();
        if (updated == 0) {
            jdbc.sql("insert into workspace_framework (workspace_id, framework_id, categories, adopted_at) values (?, ?, ?, ?)")
                    .params(workspace.value(), framework.frameworkId(), categories, utc(now)).update();
        }
    }

    boolean deleteAdoption(WorkspaceId workspace, String frameworkId) {
        return jdbc.sql("delete from workspace_framework where workspace_id = ? and framework_id = ?")
                .params(workspace.value(), frameworkId).update() > 0;
    }

    private static Set<String> splitCategories(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
