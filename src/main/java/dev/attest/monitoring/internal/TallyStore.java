package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.CheckTally;
import dev.attest.web.MultiRowInsert;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each check's latest tally (passed and failed resources), kept beside the result rows of
 * {@link ResultStore}: adjusted by every write, counted again by a full run.
 */
@Repository
@RequiredArgsConstructor
public class TallyStore {

    /** At most this many checks' tallies in one statement. */
    private static final int KEYS_PER_STATEMENT = 200;
    private static final MultiRowInsert INSERT = new MultiRowInsert("monitoring_check_status",
            "workspace_id", "check_key", "passed", "failed", "evaluated_at");

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
        for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
            adjust(workspace, keys.subList(from, Math.min(keys.size(), from + KEYS_PER_STATEMENT)), deltas, when);
        }
    }

    /**
     * One update for every tally that exists (each check's delta picked by a {@code case}), one insert for
     * those that do not yet (after one lookup), one delete for those that reached zero: four statements however many checks
     * a write touched, on H2 and PostgreSQL alike.
     */
    private void adjust(WorkspaceId workspace, List<String> keys, Map<String, int[]> deltas, OffsetDateTime when) {
        String in = String.join(", ", Collections.nCopies(keys.size(), "?"));
        String cases = "case check_key" + " when ? then ?".repeat(keys.size()) + " end";
        List<Object> params = new ArrayList<>(keys.size() * 4 + keys.size() + 2);
        for (int column = 0; column < 2; column++) {
            for (String key : keys) {
                params.add(key);
                params.add(deltas.get(key)[column]);
            }
        }
        params.add(when);
        params.add(workspace.value());
        params.addAll(keys);
        jdbc.sql("update monitoring_check_status set passed = passed + " + cases + ", failed = failed + " + cases + ", evaluated_at = ? "
                        + "where workspace_id = ? and check_key in (" + in + ")")
                .params(params).update();
        List<Object> lookup = new ArrayList<>(keys.size() + 1);
        lookup.add(workspace.value());
        lookup.addAll(keys);
        Set<String> present = new HashSet<>(jdbc.sql("select check_key from monitoring_check_status where workspace_id = ? "
                + "and check_key in (" + in + ")").params(lookup).query(String.class).list());
        List<Object[]> inserts = new ArrayList<>();
        for (String key : keys) {
            if (!present.contains(key)) {
                int[] d = deltas.get(key);
                inserts.add(new Object[]{workspace.value(), key, d[0], d[1], when});
            }
        }
        INSERT.insert(template, inserts);
        jdbc.sql("delete from monitoring_check_status where workspace_id = ? and check_key in (" + in + ") and passed <= 0 and failed <= 0")
                .params(lookup).update();
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
