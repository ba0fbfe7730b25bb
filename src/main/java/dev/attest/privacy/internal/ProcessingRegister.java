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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    private final ProcessingStore store;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProcessingRegister(ProcessingStore store, Catalog catalog, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    List<ProcessingRecord> records(WorkspaceId workspace) {
        return store.records(workspace);
    }

    ProcessingRecord record(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("No processing record " + id));
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
        store.save(workspace, id, existing != null, new ProcessingRecord(id, name, purpose, basis, subjects, categories, recipients,
                transfers, mechanism, retention, measures, keys, now, actor), now, actor);
        events.publishEvent(new ProcessingRecordSaved(workspace, actor, id, name, existing == null));
        return record(workspace, id);
    }

    List<CustomerAgreement> agreements(WorkspaceId workspace) {
        return store.agreements(workspace);
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
        CustomerAgreement agreement = new CustomerAgreement(UUID.randomUUID(), customer, kind, version, signedOn, sccs);
        store.insertAgreement(workspace, agreement, clock.instant(), actor);
        events.publishEvent(new CustomerAgreementRecorded(workspace, actor, agreement.id(), customer, kind, version));
        return agreement;
    }
}
