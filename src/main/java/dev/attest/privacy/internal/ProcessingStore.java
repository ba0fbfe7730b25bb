package dev.attest.privacy.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.privacy.CustomerAgreement;
import dev.attest.privacy.ProcessingRecord;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The tables privacy_processing_record and privacy_customer_agreement; control keys are stored comma-separated. */
@Repository
@RequiredArgsConstructor
class ProcessingStore {

    private final JdbcClient jdbc;

    List<ProcessingRecord> records(WorkspaceId workspace) {
        return jdbc.sql("select * from privacy_processing_record where workspace_id = ? order by name")
                .param(workspace.value()).query(ProcessingStore::record).list();
    }

    Optional<ProcessingRecord> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from privacy_processing_record where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query(ProcessingStore::record).optional();
    }

    /** Inserts the record when {@code existing} is false, else replaces its fields. */
    void save(WorkspaceId workspace, UUID id, boolean existing, ProcessingRecord r, Instant now, String actor) {
        String keys = String.join(",", r.controlKeys());
        if (!existing) {
            jdbc.sql("insert into privacy_processing_record (id, workspace_id, name, purpose, legal_basis, data_subjects, data_categories, "
                            + "recipients, transfers, transfer_mechanism, retention, security_measures, control_keys, updated_at, updated_by) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, workspace.value(), r.name(), r.purpose(), r.legalBasis(), r.dataSubjects(), r.dataCategories(),
                            r.recipients(), r.transfers(), r.transferMechanism(), r.retention(), r.securityMeasures(), keys, utc(now), actor)
                    .update();
        } else {
            jdbc.sql("update privacy_processing_record set name = ?, purpose = ?, legal_basis = ?, data_subjects = ?, data_categories = ?, "
                            + "recipients = ?, transfers = ?, transfer_mechanism = ?, retention = ?, security_measures = ?, control_keys = ?, "
                            + "updated_at = ?, updated_by = ? where workspace_id = ? and id = ?")
                    .params(r.name(), r.purpose(), r.legalBasis(), r.dataSubjects(), r.dataCategories(), r.recipients(), r.transfers(),
                            r.transferMechanism(), r.retention(), r.securityMeasures(), keys, utc(now), actor, workspace.value(), id)
                    .update();
        }
    }

    List<CustomerAgreement> agreements(WorkspaceId workspace) {
        return jdbc.sql("select id, customer, kind, version_signed, signed_on, sccs_included from privacy_customer_agreement "
                        + "where workspace_id = ? order by lower(customer), signed_on desc")
                .param(workspace.value())
                .query((rs, n) -> new CustomerAgreement(rs.getObject("id", UUID.class), rs.getString("customer"), rs.getString("kind"),
                        rs.getString("version_signed"), rs.getObject("signed_on", LocalDate.class), rs.getBoolean("sccs_included")))
                .list();
    }

    void insertAgreement(WorkspaceId workspace, CustomerAgreement a, Instant now, String actor) {
        jdbc.sql("insert into privacy_customer_agreement (id, workspace_id, customer, kind, version_signed, signed_on, sccs_included, "
                        + "recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), workspace.value(), a.customer(), a.kind(), a.versionSigned(), a.signedOn(), a.sccsIncluded(), utc(now), actor)
                .update();
    }

    private static ProcessingRecord record(ResultSet rs, int n) throws SQLException {
        String keys = rs.getString("control_keys");
        return new ProcessingRecord(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("purpose"),
                rs.getString("legal_basis"), rs.getString("data_subjects"), rs.getString("data_categories"), rs.getString("recipients"),
                rs.getString("transfers"), rs.getString("transfer_mechanism"), rs.getString("retention"), rs.getString("security_measures"),
                keys == null || keys.isBlank() ? List.of() : Arrays.asList(keys.split(",")),
                instant(rs, "updated_at"), rs.getString("updated_by"));
    }
}
