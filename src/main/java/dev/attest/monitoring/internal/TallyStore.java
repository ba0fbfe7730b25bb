package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.CheckTally;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each check's latest tally (passed and failed resources), kept beside the result rows of
 * {@link ResultStore}: adjusted by every write, counted again by a full run.
 */
@Repository
@RequiredArgsConstructor
public class TallyStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    /**
     * Adds to each check's tally ({passed, failed} by check key); a tally that reaches zero results
     * is removed, so that its check counts as idle.
     */
    public void adjustTallies(WorkspaceId workspace, Map<String, int[]> deltas, Instant at) {
        if (deltas.isEmpty()) {
            return;
        }
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        List<String> keys = new ArrayList<>(deltas.keySet());
        List<Object[]> rows = new ArrayList<>();
        for (String key : keys) {
            int[] d = deltas.get(key);
            rows.add(new Object[]{d[0], d[1], when, workspace.value(), key});
        }
        int[] updated = template.batchUpdate("update monitoring_check_status set passed = passed + ?, failed = failed + ?, evaluated_at = ? "
                + "where workspace_id = ? and check_key = ?", rows);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (updated[i] == 0) {
                int[] d = deltas.get(keys.get(i));
                inserts.add(new Object[]{workspace.value(), keys.get(i), d[0], d[1], when});
            }
        }
        template.batchUpdate("insert into monitoring_check_status (workspace_id, check_key, passed, failed, evaluated_at) values (?, ?, ?, ?, ?)",
                inserts);
        jdbc.sql("delete from monitoring_check_status where workspace_id = ? and passed <= 0 and failed <= 0").param(workspace.value()).update();
    }

    /**
     * Counts every check's tally again (a full run's last step, which heals any drift): failures
     * are the check's rows that do not pass; passes are its passing rows (resources a record module
     * offers) plus the stored resources of its type that have no failing row.
     *
     * @param checkTypes   each check's resource type
     * @param storedByType how many stored resources each type has
     */
    public void recountTallies(WorkspaceId workspace, Map<String, String> checkTypes, Map<String, Integer> storedByType, Instant at) {
        Map<String, int[]> counted = new HashMap<>();
        jdbc.sql("select check_key, sum(case when outcome = 'pass' then 1 else 0 end), sum(case when outcome = 'pass' then 0 else 1 end) "
                        + "from monitoring_result where workspace_id = ? group by check_key")
                .param(workspace.value())
                .query((ResultSet rs) -> {
                    counted.put(rs.getString(1), new int[]{rs.getInt(2), rs.getInt(3)});
                });
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        checkTypes.forEach((checkKey, type) -> {
            int[] explicit = counted.getOrDefault(checkKey, new int[2]);
            int passed = explicit[0] + Math.max(0, storedByType.getOrDefault(type, 0) - explicit[1]);
            if (passed + explicit[1] > 0) {
                rows.add(new Object[]{workspace.value(), checkKey, passed, explicit[1], when});
            }
        });
        jdbc.sql("delete from monitoring_check_status where workspace_id = ?").param(workspace.value()).update();
        template.batchUpdate("insert into monitoring_check_status (workspace_id, check_key, passed, failed, evaluated_at) values (?, ?, ?, ?, ?)",
                rows);
    }

    public Map<String, CheckTally> tallies(WorkspaceId workspace) {
        Map<String, CheckTally> tallies = new HashMap<>();
        jdbc.sql("select check_key, passed, failed, evaluated_at from monitoring_check_status where workspace_id = ?")
                .param(workspace.value())
                .query((ResultSet rs) -> {
                    tallies.put(rs.getString(1), new CheckTally(rs.getString(1), rs.getInt(2), rs.getInt(3), ResultStore.instant(rs, 4)));
                });
        return tallies;
    }
}
