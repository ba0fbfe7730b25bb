package dev.attest.evidence.internal;

import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The evidence_freshness_rule table, and the dates of the evidence that keeps controls fresh. */
@Repository
@RequiredArgsConstructor
public class FreshnessStore {

    /** An uploaded file or an attestation: when it was collected, until when it is valid, which controls it names. */
    public record Dated(String kind, List<String> controls, Instant collectedAt, Instant validUntil) {
    }

    private static final String DATED = "select control_key, kind, collected_at, valid_until from evidence_control "
            + "where workspace_id = ? and kind in ('upload', 'attestation')";

    private final JdbcClient jdbc;

    /** The workspace's own windows, in days, by control key. */
    public Map<String, Integer> days(WorkspaceId workspace) {
        Map<String, Integer> days = new HashMap<>();
        jdbc.sql("select control_key, days from evidence_freshness_rule where workspace_id = ?").param(workspace.value())
                .query((ResultSet rs) -> {
                    days.put(rs.getString("control_key"), rs.getInt("days"));
                });
        return days;
    }

    public void save(WorkspaceId workspace, String control, int days, String actor, Instant at) {
        int updated = jdbc.sql("update evidence_freshness_rule set days = ?, updated_by = ?, updated_at = ? "
                        + "where workspace_id = ? and control_key = ?")
                .params(days, actor, utc(at), workspace.value(), control).update();
        if (updated == 0) {
            jdbc.sql("insert into evidence_freshness_rule (workspace_id, control_key, days, updated_by, updated_at) values (?, ?, ?, ?, ?)")
                    .params(workspace.value(), control, days, actor, utc(at)).update();
        }
    }

    /** Every upload and attestation of the workspace, once per control it names: one query over the link table. */
    public void forEachUploadOrAttestation(WorkspaceId workspace, Consumer<Dated> action) {
        jdbc.sql(DATED).param(workspace.value()).query((ResultSet rs) -> {
            action.accept(dated(rs));
        });
    }

    /** The uploads and attestations of one control, through the index by control. */
    public List<Dated> of(WorkspaceId workspace, String control) {
        return jdbc.sql(DATED + " and control_key = ?").params(workspace.value(), control).query((rs, n) -> dated(rs)).list();
    }

    private static Dated dated(ResultSet rs) throws SQLException {
        return new Dated(rs.getString("kind"), List.of(rs.getString("control_key")), instant(rs, "collected_at"),
                instant(rs, "valid_until"));
    }
}
