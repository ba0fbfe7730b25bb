package dev.attest.responsibility.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.responsibility.Party;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The control_responsibility table: one row per control a workspace assigned. */
@Repository
public class ResponsibilityStore {

    /** A stored assignment. */
    public record Row(String control, Party party, UUID providerId, String providerDuty, String customerGuidance, UUID providerReport,
                      Instant updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;

    ResponsibilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Row> all(WorkspaceId workspace) {
        Map<String, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select control_key, party, provider_id, provider_duty, customer_guidance, provider_report, updated_at, updated_by "
                        + "from control_responsibility where workspace_id = ? order by control_key")
                .param(workspace.value())
                .query(rs -> {
                    OffsetDateTime at = rs.getObject("updated_at", OffsetDateTime.class);
                    rows.put(rs.getString("control_key"), new Row(rs.getString("control_key"),
                            Party.fromWireName(rs.getString("party")).orElse(Party.COMPANY), rs.getObject("provider_id", UUID.class),
                            rs.getString("provider_duty"), rs.getString("customer_guidance"), rs.getObject("provider_report", UUID.class),
                            at == null ? null : at.toInstant(), rs.getString("updated_by")));
                });
        return rows;
    }

    public void save(WorkspaceId workspace, Row row) {
        int updated = jdbc.sql("update control_responsibility set party = ?, provider_id = ?, provider_duty = ?, customer_guidance = ?, "
                        + "provider_report = ?, updated_at = ?, updated_by = ? where workspace_id = ? and control_key = ?")
                .params(row.party().wireName(), row.providerId(), row.providerDuty(), row.customerGuidance(), row.providerReport(),
                        row.updatedAt().atOffset(ZoneOffset.UTC), row.updatedBy(), workspace.value(), row.control()).update();
        if (updated == 0) {
            jdbc.sql("insert into control_responsibility (workspace_id, control_key, party, provider_id, provider_duty, customer_guidance, "
                            + "provider_report, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(workspace.value(), row.control(), row.party().wireName(), row.providerId(), row.providerDuty(),
                            row.customerGuidance(), row.providerReport(), row.updatedAt().atOffset(ZoneOffset.UTC), row.updatedBy()).update();
        }
    }
}
