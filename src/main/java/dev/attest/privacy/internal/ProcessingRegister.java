package dev.attest.privacy.internal;

import dev.attest.catalog.Catalog;
import dev.attest.identity.WorkspaceId;
import dev.attest.privacy.CustomerAgreement;
import dev.attest.privacy.CustomerAgreementRecorded;
import dev.attest.privacy.ProcessingRecord;
import dev.attest.privacy.ProcessingRecordSaved;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The records of processing (GDPR Art. 30) and the register of customer DPAs and BAAs. Security
 * measures point at catalog controls by key, and a key the catalog does not know is refused.
 */
@Service
class ProcessingRegister {

    /** A processing activity as typed; {@code controlKeys} as a list of keys. */
    record ProcessingInput(String name, String purpose, String legalBasis, String dataSubjects, String dataCategories,
                           String recipients, String transfers, String transferMechanism, String retention,
                           String securityMeasures, List<String> controlKeys) {
    }

    /** An agreement as typed; {@code signedOn} as an ISO date. */
    record AgreementInput(String customer, String kind, String versionSigned, String signedOn, Boolean sccsIncluded) {
    }

    static final Set<String> MECHANISMS = Set.of("adequacy", "sccs", "bcrs", "dpf", "derogation");

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProcessingRegister(JdbcClient jdbc, Catalog catalog, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    List<ProcessingRecord> records(WorkspaceId workspace) {
        return jdbc.sql("select * from privacy_processing_record where workspace_id = ? order by name")
                .param(workspace.value()).query(ProcessingRegister::record).list();
    }

    ProcessingRecord record(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from privacy_processing_record where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query(ProcessingRegister::record).optional()
                .orElseThrow(() -> new NotFoundException("No processing record " + id));
    }

    @Transactional
    ProcessingRecord save(WorkspaceId workspace, UUID existing, ProcessingInput in, String actor) {
        if (existing != null) {
            record(workspace, existing);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = FieldRules.text(errors, "name", in.name(), 200, true);
        String purpose = FieldRules.text(errors, "purpose", in.purpose(), 2000, true);
        String basis = FieldRules.text(errors, "legalBasis", in.legalBasis(), 200, false);
        String subjects = FieldRules.text(errors, "dataSubjects", in.dataSubjects(), 2000, true);
        String categories = FieldRules.text(errors, "dataCategories", in.dataCategories(), 2000, true);
        String recipients = FieldRules.text(errors, "recipients", in.recipients(), 2000, false);
        String transfers = FieldRules.text(errors, "transfers", in.transfers(), 2000, false);
        String mechanism = FieldRules.text(errors, "transferMechanism", in.transferMechanism(), 200, false);
        String retention = FieldRules.text(errors, "retention", in.retention(), 1000, true);
        String measures = FieldRules.text(errors, "securityMeasures", in.securityMeasures(), 4000, false);
        if (transfers != null && mechanism == null) {
            errors.put("transferMechanism", "a transfer needs its mechanism: one of " + String.join(", ", MECHANISMS.stream().sorted().toList()));
        } else if (mechanism != null && !MECHANISMS.contains(mechanism)) {
            errors.put("transferMechanism", "choose one of " + String.join(", ", MECHANISMS.stream().sorted().toList()));
        }
        List<String> keys = in.controlKeys() == null ? List.of() : in.controlKeys().stream()
                .map(k -> k == null ? "" : k.strip().toUpperCase(Locale.ROOT)).filter(k -> !k.isEmpty()).distinct().sorted().toList();
        List<String> unknown = keys.stream().filter(k -> catalog.control(k).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            errors.put("controlKeys", "not in the control library: " + String.join(", ", unknown));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Instant now = clock.instant();
        UUID id = existing == null ? UUID.randomUUID() : existing;
        if (existing == null) {
            jdbc.sql("insert into privacy_processing_record (id, workspace_id, name, purpose, legal_basis, data_subjects, data_categories, "
                            + "recipients, transfers, transfer_mechanism, retention, security_measures, control_keys, updated_at, updated_by) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, workspace.value(), name, purpose, basis, subjects, categories, recipients, transfers, mechanism, retention,
                            measures, String.join(",", keys), RequestStore.utc(now), actor).update();
        } else {
            jdbc.sql("update privacy_processing_record set name = ?, purpose = ?, legal_basis = ?, data_subjects = ?, data_categories = ?, "
                            + "recipients = ?, transfers = ?, transfer_mechanism = ?, retention = ?, security_measures = ?, control_keys = ?, "
                            + "updated_at = ?, updated_by = ? where workspace_id = ? and id = ?")
                    .params(name, purpose, basis, subjects, categories, recipients, transfers, mechanism, retention, measures,
                            String.join(",", keys), RequestStore.utc(now), actor, workspace.value(), id).update();
        }
        events.publishEvent(new ProcessingRecordSaved(workspace, actor, id, name, existing == null));
        return record(workspace, id);
    }

    List<CustomerAgreement> agreements(WorkspaceId workspace) {
        return jdbc.sql("select id, customer, kind, version_signed, signed_on, sccs_included from privacy_customer_agreement "
                        + "where workspace_id = ? order by lower(customer), signed_on desc")
                .param(workspace.value())
                .query((rs, n) -> new CustomerAgreement(rs.getObject("id", UUID.class), rs.getString("customer"), rs.getString("kind"),
                        rs.getString("version_signed"), rs.getObject("signed_on", LocalDate.class), rs.getBoolean("sccs_included")))
                .list();
    }

    @Transactional
    CustomerAgreement recordAgreement(WorkspaceId workspace, AgreementInput in, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String customer = FieldRules.text(errors, "customer", in.customer(), 200, true);
        String version = FieldRules.text(errors, "versionSigned", in.versionSigned(), 64, true);
        String kind = in.kind() == null ? "" : in.kind().strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("dpa") && !kind.equals("baa")) {
            errors.put("kind", "choose dpa or baa");
        }
        LocalDate signedOn = null;
        try {
            signedOn = LocalDate.parse(in.signedOn() == null ? "" : in.signedOn().strip());
            if (signedOn.isAfter(LocalDate.now(clock))) {
                errors.put("signedOn", "is in the future");
            }
        } catch (DateTimeParseException e) {
            errors.put("signedOn", "is not a date (YYYY-MM-DD)");
        }
        boolean sccs = Boolean.TRUE.equals(in.sccsIncluded());
        if (sccs && kind.equals("baa")) {
            errors.put("sccsIncluded", "standard contractual clauses belong in a DPA, not a BAA");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into privacy_customer_agreement (id, workspace_id, customer, kind, version_signed, signed_on, sccs_included, "
                        + "recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, workspace.value(), customer, kind, version, signedOn, sccs, RequestStore.utc(clock.instant()), actor).update();
        events.publishEvent(new CustomerAgreementRecorded(workspace, actor, id, customer, kind, version));
        return new CustomerAgreement(id, customer, kind, version, signedOn, sccs);
    }

    private static ProcessingRecord record(ResultSet rs, int n) throws SQLException {
        String keys = rs.getString("control_keys");
        return new ProcessingRecord(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("purpose"),
                rs.getString("legal_basis"), rs.getString("data_subjects"), rs.getString("data_categories"), rs.getString("recipients"),
                rs.getString("transfers"), rs.getString("transfer_mechanism"), rs.getString("retention"), rs.getString("security_measures"),
                keys == null || keys.isBlank() ? List.of() : Arrays.asList(keys.split(",")),
                RequestStore.instant(rs, "updated_at"), rs.getString("updated_by"));
    }
}
