package dev.attest.privacy.internal;

import dev.attest.catalog.Catalog;
import dev.attest.identity.WorkspaceId;
import dev.attest.privacy.CustomerAgreement;
import dev.attest.privacy.CustomerAgreementRecorded;
import dev.attest.privacy.ProcessingRecord;
import dev.attest.privacy.ProcessingRecordSaved;
import dev.attest.privacy.RecordAgreement;
import dev.attest.privacy.SaveProcessingRecord;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The records of processing (GDPR Art. 30) and the register of customer DPAs and BAAs. Security
 * measures point at catalog controls by key, and a key the catalog does not know is refused.
 */
@Service
@RequiredArgsConstructor
class ProcessingRegister {

    private final ProcessingStore store;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    List<ProcessingRecord> records(WorkspaceId workspace) {
        return store.records(workspace);
    }

    ProcessingRecord record(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("No processing record " + id));
    }

    /** Saves an activity (a new one when {@code existing} is null); refused when a key is not in the catalog. */
    @Transactional
    ProcessingRecord save(WorkspaceId workspace, UUID existing, SaveProcessingRecord command, String actor) {
        if (existing != null) {
            record(workspace, existing);
        }
        Map<String, String> errors = new LinkedHashMap<>(command.problems());
        unknownControls(command.controlKeys()).ifPresent(problem -> errors.put("controlKeys", problem));
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Instant now = clock.instant();
        UUID id = existing == null ? UUID.randomUUID() : existing;
        store.save(workspace, id, existing != null, command.toRecord(id, now, actor), now, actor);
        events.publishEvent(new ProcessingRecordSaved(workspace, actor, id, command.name(), existing == null));
        return record(workspace, id);
    }

    /** "not in the control library: ..." naming the keys the catalog does not know; empty when it knows them all. */
    Optional<String> unknownControls(List<String> keys) {
        List<String> unknown = keys.stream().filter(k -> catalog.control(k).isEmpty()).toList();
        return unknown.isEmpty() ? Optional.empty() : Optional.of("not in the control library: " + String.join(", ", unknown));
    }

    List<CustomerAgreement> agreements(WorkspaceId workspace) {
        return store.agreements(workspace);
    }

    /** Registers a signed agreement; clauses in a BAA or a signature after today are refused. */
    @Transactional
    CustomerAgreement recordAgreement(WorkspaceId workspace, RecordAgreement command, String actor) {
        Map<String, String> problems = command.problems(LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        CustomerAgreement agreement = command.toAgreement(UUID.randomUUID());
        store.insertAgreement(workspace, agreement, clock.instant(), actor);
        events.publishEvent(new CustomerAgreementRecorded(workspace, actor, agreement.id(), agreement.customer(), agreement.kind(),
                agreement.versionSigned()));
        return agreement;
    }
}
