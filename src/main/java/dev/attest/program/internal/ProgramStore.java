package dev.attest.program.internal;

import dev.attest.controls.FrameworkReadiness;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.Columns;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The program module's tables: the daily readiness figures and the setup checklist's steps. */
@Repository
@RequiredArgsConstructor
class ProgramStore {

    /** One day's readiness of one framework. */
    record ReadinessPoint(LocalDate day, int ready, int inScope) {
        double percent() {
            return inScope == 0 ? 0 : Math.round(ready * 1000.0 / inScope) / 10.0;
        }
    }

    private final JdbcClient jdbc;

    /** Records today's figure of each framework that has none yet today; a later look the same day changes nothing. */
    void recordReadiness(WorkspaceId workspace, LocalDate day, List<FrameworkReadiness> readiness) {
        List<String> known = jdbc.sql("select framework from readiness_point where workspace_id = ? and on_day = ?")
                .params(workspace.value(), day).query(String.class).list();
        for (FrameworkReadiness r : readiness) {
            if (!known.contains(r.framework())) {
                try {
                    jdbc.sql("insert into readiness_point (workspace_id, framework, on_day, ready, in_scope) values (?, ?, ?, ?, ?)")
                            .params(workspace.value(), r.framework(), day, r.ready(), r.inScope()).update();
                } catch (org.springframework.dao.DuplicateKeyException e) {
                    // another node recorded the same day first: its figure stands
                }
            }
        }
    }

    /** Each framework's daily figures since the given day, oldest first. */
    Map<String, List<ReadinessPoint>> readinessSince(WorkspaceId workspace, LocalDate since) {
        Map<String, List<ReadinessPoint>> byFramework = new LinkedHashMap<>();
        jdbc.sql("select framework, on_day, ready, in_scope from readiness_point where workspace_id = ? and on_day >= ? order by framework, on_day")
                .params(workspace.value(), since)
                .query((rs, n) -> {
                    byFramework.computeIfAbsent(rs.getString("framework"), k -> new ArrayList<>())
                            .add(new ReadinessPoint(rs.getObject("on_day", LocalDate.class), rs.getInt("ready"), rs.getInt("in_scope")));
                    return null;
                }).list();
        return byFramework;
    }

    /** The state of each checklist step that was finished or skipped. */
    Map<String, String> setupSteps(WorkspaceId workspace) {
        Map<String, String> steps = new HashMap<>();
        jdbc.sql("select step_key, step_state from setup_step where workspace_id = ?").param(workspace.value())
                .query((rs, n) -> steps.put(rs.getString("step_key"), rs.getString("step_state"))).list();
        return steps;
    }

    /** Sets a step's state, whatever it was. */
    void saveSetupStep(WorkspaceId workspace, String step, String state, Instant at, String actor) {
        int updated = jdbc.sql("update setup_step set step_state = ?, updated_at = ?, updated_by = ? where workspace_id = ? and step_key = ?")
                .params(state, Columns.utc(at), actor, workspace.value(), step).update();
        if (updated == 0) {
            jdbc.sql("insert into setup_step (workspace_id, step_key, step_state, updated_at, updated_by) values (?, ?, ?, ?, ?)")
                    .params(workspace.value(), step, state, Columns.utc(at), actor).update();
        }
    }
}
