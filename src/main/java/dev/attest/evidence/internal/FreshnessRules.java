package dev.attest.evidence.internal;

import dev.attest.identity.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The evidence_freshness_rule table, and the dates of the evidence that keeps controls fresh. */
@Repository
public class FreshnessRules {

    /** An uploaded file or an attestation: when it was collected, until when it is valid, which controls it names. */
    public record Dated(String kind, List<String> controls, Instant collectedAt, Instant validUntil) {
    }

    private final JdbcClient jdbc;

    FreshnessRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Integer> days(WorkspaceId workspace) {
        Map<String, Integer> days = new HashMap<>();
        jdbc.sql("select control_key, days from evidence_freshness_rule where workspace_id = ?").param(workspace.value())
                .query((ResultSet rs) -> {
                    days.put(rs.getString(1), rs.getInt(2));
                });
        return days;
    }

    public void save(WorkspaceId workspace, String control, int days, String actor, Instant at) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("update evidence_freshness_rule set days = ?, updated_by = ?, updated_at = ? "
                        + "where workspace_id = ? and control_key = ?")
                .params(days, actor, when, workspace.value(), control).update();
        if (updated == 0) {
            jdbc.sql("insert into evidence_freshness_rule (workspace_id, control_key, days, updated_by, updated_at) values (?, ?, ?, ?, ?)")
                    .params(workspace.value(), control, days, actor, when).update();
        }
    }

    /** Every upload and attestation of the workspace (check-result snapshots prove checks, not freshness). */
    public void forEachUploadOrAttestation(WorkspaceId workspace, Consumer<Dated> action) {
        jdbc.sql("select kind, controls, collected_at, valid_until from evidence_item "
                        + "where workspace_id = ? and kind in ('upload', 'attestation') and controls <> ''")
                .param(workspace.value())
                .query((ResultSet rs) -> {
                    OffsetDateTime valid = rs.getObject(4, OffsetDateTime.class);
                    action.accept(new Dated(rs.getString(1),
                            Arrays.stream(rs.getString(2).split(",")).filter(s -> !s.isBlank()).toList(),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), valid == null ? null : valid.toInstant()));
                });
    }
}
