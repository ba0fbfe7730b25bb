package dev.attest.evidence;

import dev.attest.evidence.internal.EvidenceIntake;
import dev.attest.evidence.internal.EvidenceItemStore;
import dev.attest.evidence.internal.EvidenceProperties;
import dev.attest.evidence.internal.EvidenceStorage;
import dev.attest.evidence.internal.Ledger;
import dev.attest.evidence.internal.LedgerAudit;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.NotFoundException;
import dev.attest.web.SearchTerm;
import dev.attest.web.TableQuery;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The evidence locker, what other modules use of evidence: put evidence in (each piece stored
 * content-addressed and appended to the workspace's ledger in the same transaction), find and read it, and
 * the ledger an auditor verifies. Adding is {@code EvidenceIntake}'s job and the ledger questions
 * {@code LedgerAudit}'s; reading goes straight to the item store.
 */
@Service
@RequiredArgsConstructor
public class EvidenceLocker {

    private final EvidenceIntake intake;
    private final EvidenceItemStore items;
    private final EvidenceStorage storage;
    private final Ledger ledger;
    private final LedgerAudit audit;
    private final EvidenceProperties properties;

    /** The upload limit in bytes. */
    public long maxUploadBytes() {
        return properties.getMaxUploadSize().toBytes();
    }

    /** Stores evidence read from a stream; refuses unknown controls, a missing title and content above the limit. */
    @Transactional
    public EvidenceItem add(WorkspaceId workspace, NewEvidence evidence, InputStream content) {
        return intake.add(workspace, evidence, content, maxUploadBytes());
    }

    /**
     * Stores evidence Attest generated itself and streams, such as a monitoring run's snapshot of every
     * result (a million resources make one larger than any upload): no upload limit applies.
     */
    @Transactional
    public EvidenceItem addGenerated(WorkspaceId workspace, NewEvidence evidence, InputStream content) {
        return intake.add(workspace, evidence, content, Long.MAX_VALUE);
    }

    /** Stores evidence held in memory, such as a run's result snapshot (no upload limit applies). */
    @Transactional
    public EvidenceItem add(WorkspaceId workspace, NewEvidence evidence, byte[] content) {
        return intake.add(workspace, evidence, new ByteArrayInputStream(content), Long.MAX_VALUE);
    }

    @Transactional(readOnly = true)
    public List<EvidenceItem> list(WorkspaceId workspace, String control, String kind, int limit) {
        return items.list(workspace, blankToNull(control), blankToNull(kind), Math.max(1, Math.min(limit, 1000)));
    }

    /** One page of the evidence of a control and kind (blank is any), counted and paged by the database. */
    @Transactional(readOnly = true)
    public List<EvidenceItem> page(WorkspaceId workspace, String control, String kind, TableQuery query) {
        return items.page(workspace, blankToNull(control), blankToNull(kind), query);
    }

    @Transactional(readOnly = true)
    public long count(WorkspaceId workspace, String control, String kind) {
        return items.count(workspace, blankToNull(control), blankToNull(kind));
    }

    /** The evidence whose title or file name contains the term or whose id it is, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<EvidenceItem> search(WorkspaceId workspace, SearchTerm term, int limit) {
        return items.search(workspace, term, limit);
    }

    /** One piece of evidence; another workspace's id is a 404. */
    @Transactional(readOnly = true)
    public EvidenceItem get(WorkspaceId workspace, UUID id) {
        return items.find(workspace, id).orElseThrow(() -> new NotFoundException("No evidence " + id));
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
        return audit.verify(workspace, earlier);
    }

    /** Writes the ledger export that {@code java -jar attest.jar verify-ledger FILE} checks offline. */
    @Transactional(readOnly = true)
    public void exportLedger(WorkspaceId workspace, Writer out) {
        audit.export(workspace, out);
    }

    /**
     * Writes the segment of the ledger an audit period needs, in the export format: from the first entry recorded
     * at or after {@code periodStart} (or the earlier entry {@code firstNeeded}, e.g. older evidence attached to a
     * request) up to the entry the checkpoint {@code upTo} signs, so that a verifier proves the segment extends it.
     */
    @Transactional(readOnly = true)
    public void exportLedgerSegment(WorkspaceId workspace, Instant periodStart, long firstNeeded, LedgerCheckpoint upTo, Writer out) {
        audit.exportSegment(workspace, periodStart, firstNeeded, upTo, out);
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
