package dev.attest.responsibility.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.responsibility.Party;
import dev.attest.responsibility.ResponsibilityChange;
import dev.attest.web.Columns;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The control_responsibility table: one row per control a workspace assigned. */
@Repository
@RequiredArgsConstructor
class ResponsibilityStore {

    /** A stored assignment. */
    record Row(String control, Party party, UUID providerId, String providerDuty, String customerGuidance, UUID providerReport,
                      Instant updatedAt, String updatedBy) {

        /** An assignment as a change kept for its party, at a time and by someone. */
        static Row of(String control, ResponsibilityChange kept, Instant at, String by) {
            return new Row(control, kept.assignedParty().orElseThrow(), kept.providerId(), kept.providerDuty(), kept.customerGuidance(),
                    kept.providerReport(), at, by);
        }

        /** What was assigned, as the change that set it. */
        ResponsibilityChange change() {
            return new ResponsibilityChange(party.wireName(), providerId, providerDuty, customerGuidance, providerReport);
        }
    }

    private final JdbcClient jdbc;

    Map<String, Row> all(WorkspaceId workspace) {
        Map<String, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select control_key, party, provider_id, provider_duty, customer_guidance, provider_report, updated_at, updated_by "
                        + "from control_responsibility where workspace_id = ? order by control_key")
                .param(workspace.value())
                .query(rs -> {
                    rows.put(rs.getString("control_key"), new Row(rs.getString("control_key"),
                            WireName.parse(Party.class, rs.getString("party")).orElse(Party.COMPANY), rs.getObject("provider_id", UUID.class),
                            rs.getString("provider_duty"), rs.getString("customer_guidance"), rs.getObject("provider_report", UUID.class),
                            Columns.instant(rs, "updated_at"), rs.getString("updated_by")));
                });
        return rows;
    }

    void save(WorkspaceId workspace, Row row) {
        int updated = jdbc.sql("update control_responsibility set party = ?, provider_id = ?, provider_duty = ?, customer_guidance = ?, "
                        + "provider_report = ?, updated_at = ?, updated_by = ? where workspace_id = ? and control_key = ?")
                .params(row.party().wireName(), row.providerId(), row.providerDuty(), row.customerGuidance(), row.providerReport(),
                        Columns.utc(row.updatedAt()), row.updatedBy(), workspace.value(), row.control()).update();
        if (updated == 0) {
            jdbc.sql("insert into control_responsibility (workspace_id, control_key, party, provider_id, provider_duty, customer_guidance, "
                            + "provider_report, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(workspace.value(), row.control(), row.party().wireName(), row.providerId(), row.providerDuty(),
                            row.customerGuidance(), row.providerReport(), Columns.utc(row.updatedAt()), row.updatedBy()).update();
        }
    }
}
