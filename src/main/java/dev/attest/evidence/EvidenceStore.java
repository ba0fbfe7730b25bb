package dev.attest.evidence;

import dev.attest.catalog.Catalog;
import dev.attest.evidence.internal.DurableCommits;
import dev.attest.evidence.internal.EvidenceProperties;
import dev.attest.evidence.internal.EvidenceRepository;
import dev.attest.evidence.internal.EvidenceStorage;
import dev.attest.evidence.internal.Ledger;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.DataDirectory;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The evidence locker: stores files and snapshots content-addressed, records their metadata and
 * appends each to the workspace's ledger in the same transaction. Once {@code add} returns, the
 * evidence survives a crash.
 */
@Service
public class EvidenceStore {

    static final int MAX_TITLE = 300;

    private final EvidenceStorage storage;
    private final EvidenceRepository repository;
    private final Ledger ledger;
    private final Catalog catalog;
    private final EvidenceProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path scratch;
    private final DurableCommits durable;

    EvidenceStore(EvidenceStorage storage, EvidenceRepository repository, Ledger ledger, Catalog catalog,
                  EvidenceProperties properties, ApplicationEventPublisher events, Clock clock,
                  @Value("${" + DataDirectory.PROPERTY + "}") String dataDir, DurableCommits durable) {
        this.durable = durable;
        this.storage = storage;
        this.repository = repository;
        this.ledger = ledger;
        this.catalog = catalog;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.scratch = Path.of(dataDir);
    }

    /** The upload limit in bytes. */
    public long maxUploadBytes() {
        return properties.getMaxUploadSize().toBytes();
    }

    /** Stores evidence read from a stream; refuses unknown controls, a missing title and content above the limit. */
    @Transactional
    public EvidenceItem add(WorkspaceId workspace, NewEvidence evidence, InputStream content) {
        return store(workspace, evidence, content, maxUploadBytes());
    }

    /**
     * Stores evidence Attest generated itself and streams, such as a monitoring run's snapshot of every
     * result (a million resources make one larger than any upload): no upload limit applies.
     */
    @Transactional
    public EvidenceItem addGenerated(WorkspaceId workspace, NewEvidence evidence, InputStream content) {
        return store(workspace, evidence, content, Long.MAX_VALUE);
    }

    /** Stores evidence held in memory, such as a run's result snapshot (no upload limit applies). */
    @Transactional
    public EvidenceItem add(WorkspaceId workspace, NewEvidence evidence, byte[] content) {
        return store(workspace, evidence, new ByteArrayInputStream(content), Long.MAX_VALUE);
    }

    // The file is on disk before the row and the ledger entry commit, so no entry ever names missing bytes.
    private EvidenceItem store(WorkspaceId workspace, NewEvidence evidence, InputStream content, long limit) {
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
        repository.insert(workspace, item);
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

    @Transactional(readOnly = true)
    public List<EvidenceItem> list(WorkspaceId workspace, String control, String kind, int limit) {
        return repository.list(workspace, blankToNull(control), blankToNull(kind), Math.max(1, Math.min(limit, 1000)));
    }

    /** One page of the evidence of a control and kind (blank is any), counted and paged by the database. */
    @Transactional(readOnly = true)
    public List<EvidenceItem> page(WorkspaceId workspace, String control, String kind, dev.attest.web.TableQuery query) {
        return repository.page(workspace, blankToNull(control), blankToNull(kind), query);
    }

    @Transactional(readOnly = true)
    public long count(WorkspaceId workspace, String control, String kind) {
        return repository.count(workspace, blankToNull(control), blankToNull(kind));
    }

    /** The evidence whose title or file name contains the term or whose id it is, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<EvidenceItem> search(WorkspaceId workspace, dev.attest.web.SearchTerm term, int limit) {
        return repository.search(workspace, term, limit);
    }

    /** One piece of evidence; another workspace's id is a 404. */
    @Transactional(readOnly = true)
    public EvidenceItem get(WorkspaceId workspace, UUID id) {
        return repository.find(workspace, id).orElseThrow(() -> new NotFoundException("No evidence " + id));
    }

    /** The evidence's bytes. */
    public InputStream content(WorkspaceId workspace, UUID id) {
        EvidenceItem item = get(workspace, id);
        try {
            return storage.open(item.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Recomputes the whole chain and checks every signature against the pinned keys (never the ones the
     * database lists), requires the head to be covered by a recent checkpoint and the ledger to extend the
     * newest checkpoint kept outside the database, then checks every entry's file is present.
     */
    @Transactional(readOnly = true)
    public LedgerVerification verifyLedger(WorkspaceId workspace) {
        return verifyLedger(workspace, List.of());
    }

    /**
     * As {@link #verifyLedger(WorkspaceId)}, and proves that the ledger extends each earlier checkpoint given
     * (from an export, an audit package or the Trust Center): a ledger cut short or rewritten up to one fails.
     */
    @Transactional(readOnly = true)
    public LedgerVerification verifyLedger(WorkspaceId workspace, List<LedgerCheckpoint> earlier) {
        LedgerVerification chain = ledger.verify(workspace, scratch, earlier);
        if (!chain.valid()) {
            return chain;
        }
        long[] missing = {0};
        ledger.forEachEntry(workspace, (seq, sha) -> {
            if (missing[0] == 0 && !storage.contains(sha)) {
                missing[0] = seq;
            }
        });
        if (missing[0] != 0) {
            return new LedgerVerification(false, chain.entries(), chain.checkpoints(), missing[0],
                    "entry " + missing[0] + " names content that is no longer in the evidence store");
        }
        return chain;
    }

    /** Writes the ledger export that {@code java -jar attest.jar verify-ledger FILE} checks offline. */
    @Transactional(readOnly = true)
    public void exportLedger(WorkspaceId workspace, Writer out) {
        try {
            ledger.export(workspace, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the segment of the ledger an audit period needs, in the export format: from the first entry recorded
     * at or after {@code periodStart} (or the earlier entry {@code firstNeeded}, e.g. older evidence attached to a
     * request) up to the entry the checkpoint {@code upTo} signs, so that a verifier proves the segment extends it.
     */
    @Transactional(readOnly = true)
    public void exportLedgerSegment(WorkspaceId workspace, java.time.Instant periodStart, long firstNeeded, LedgerCheckpoint upTo,
                                    Writer out) {
        long from = Math.min(firstNeeded, ledger.firstSeqFrom(workspace, periodStart).orElse(upTo.count()));
        try {
            ledger.export(workspace, out, Math.max(1, Math.min(from, upTo.count())), upTo.count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ledger's head and newest checkpoint. */
    @Transactional(readOnly = true)
    public LedgerStatus ledgerStatus(WorkspaceId workspace) {
        return ledger.status(workspace);
    }

    /**
     * The newest signed checkpoint of the workspace's ledger (empty before the first one), for publishing
     * where customers and auditors keep copies: the Trust Center and audit packages. Call
     * {@link #checkpoint(WorkspaceId)} first to cover the head as it is now.
     */
    @Transactional(readOnly = true)
    public Optional<LedgerCheckpoint> latestCheckpoint(WorkspaceId workspace) {
        return ledger.latestCheckpoint(workspace);
    }

    /** The keys that verify the workspace's checkpoints, the current one first: what auditors pin. */
    public List<LedgerKey> ledgerKeys(WorkspaceId workspace) {
        return ledger.pinnedKeys(workspace);
    }

    /** Signs the ledger head now if it moved since its last checkpoint. */
    @Transactional
    public boolean checkpoint(WorkspaceId workspace) {
        return ledger.checkpoint(workspace);
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
