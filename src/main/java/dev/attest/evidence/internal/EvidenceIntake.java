package dev.attest.evidence.internal;

import dev.attest.catalog.Catalog;
import dev.attest.evidence.EvidenceAdded;
import dev.attest.evidence.EvidenceFreshness;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceStorageUnavailableException;
import dev.attest.evidence.EvidenceTooLargeException;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Adding evidence: the bytes go to the storage content-addressed, then the ledger entry and the metadata row
 * are written in the caller's transaction, so no entry ever names missing bytes and, once the transaction
 * commits, the evidence survives a crash.
 */
@Service
@RequiredArgsConstructor
public class EvidenceIntake {

    static final int MAX_TITLE = 300;

    private final EvidenceStorage storage;
    private final EvidenceItemStore items;
    private final Ledger ledger;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DurableCommits durable;

    /** Stores the evidence, refusing unknown controls, a missing title and content above {@code limit} bytes. */
    @Transactional
    public EvidenceItem add(WorkspaceId workspace, NewEvidence evidence, InputStream content, long limit) {
        validate(evidence);
        EvidenceStorage.Stored stored;
        try {
            stored = storage.put(content, limit);
        } catch (EvidenceStorage.TooLarge e) {
            throw new EvidenceTooLargeException(limit);
        } catch (EvidenceStorage.Unavailable e) {
            throw new EvidenceStorageUnavailableException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UUID id = UUID.randomUUID();
        long seq = ledger.append(workspace, List.of(new Ledger.Entry(id, evidence.kind(), stored.sha256()))).get(0);
        EvidenceItem item = new EvidenceItem(id, evidence.kind(), evidence.title().strip(), evidence.filename(),
                evidence.mediaType() == null ? "application/octet-stream" : evidence.mediaType(), stored.size(), stored.sha256(),
                evidence.controls(), evidence.collectedBy(), clock.instant().truncatedTo(ChronoUnit.MILLIS), evidence.validUntil(), seq);
        items.insert(workspace, item);
        durable.afterCommit();
        EvidenceFreshness.forgetRead();
        events.publishEvent(new EvidenceAdded(workspace, id, item.kind(), item.title(), item.sha256(), seq, item.collectedBy(), item.controls()));
        return item;
    }

    private void validate(NewEvidence evidence) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (evidence.title() == null || evidence.title().isBlank()) {
            errors.put("title", "say what this evidence shows");
        } else if (evidence.title().length() > MAX_TITLE) {
            errors.put("title", "at most " + MAX_TITLE + " characters");
        }
        for (String control : evidence.controls()) {
            if (catalog.control(control).isEmpty()) {
                errors.put("controls", "'" + control + "' is not a control of the catalog");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }
}
