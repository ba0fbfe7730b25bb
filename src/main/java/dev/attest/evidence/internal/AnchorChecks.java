package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.evidence.LedgerVerification;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The earlier checkpoints an export must still extend (the one kept outside the database, those given from
 * an audit package or the Trust Center): each is compared with the chain as the reading passes its entry,
 * must still be among the export's checkpoints, and must not cover more entries than the export holds.
 */
final class AnchorChecks {

    /** Builds a failure from the first bad entry (or null) and the message, with the reading's counts. */
    interface Failure {
        LedgerVerification of(Long firstBad, String message);
    }

    private final VerificationPolicy policy;
    private final List<VerificationPolicy.Anchor> anchors;
    private final boolean[] present;
    private int next;
    /** The entry the next earlier checkpoint covers, or Long.MAX_VALUE when none is left to match. */
    private long nextSeq = Long.MAX_VALUE;

    AnchorChecks(VerificationPolicy policy) {
        this.policy = policy;
        this.anchors = policy.anchors();
        this.present = new boolean[anchors.size()];
        if (!anchors.isEmpty()) {
            nextSeq = anchors.get(0).checkpoint().count();
        }
    }

    /** Whether an earlier checkpoint covers exactly this entry. */
    boolean due(long seq) {
        return seq == nextSeq;
    }

    /** The entry {@code seq} just matched with the chain at {@code head}: every earlier checkpoint covering it must agree. */
    LedgerVerification atEntry(long seq, String head, String workspace, Map<String, PublicKey> keys, long checkpoints) {
        while (seq == nextSeq) {
            VerificationPolicy.Anchor anchor = anchors.get(next);
            LedgerCheckpoint given = anchor.checkpoint();
            if (!head.equals(given.hash())) {
                return new LedgerVerification(false, seq - 1, checkpoints, seq, "entry " + seq + " does not match " + anchor.origin()
                        + " (signed " + given.time() + "): the ledger was rewritten at or before entry " + seq);
            }
            PublicKey key = keys.get(given.keyId());
            if (key == null || !CheckpointSignatures.valid(key, LedgerFormat.checkpointMessage(workspace, seq, given.hash(), given.time()),
                    given.signature())) {
                return new LedgerVerification(false, seq, checkpoints, seq, anchor.origin() + " at entry " + seq
                        + " is not signed by a " + (policy.pinned() ? "pinned " : "") + "key of this workspace");
            }
            next++;
            nextSeq = next < anchors.size() ? anchors.get(next).checkpoint().count() : Long.MAX_VALUE;
        }
        return null;
    }

    /** A checkpoint line of the export ({@code C seq hash time key signature}): marks the earlier checkpoints it is. */
    void checkpointLine(long seq, String[] f) {
        for (int i = 0; i < present.length; i++) {
            LedgerCheckpoint anchor = anchors.get(i).checkpoint();
            if (anchor.count() == seq && anchor.hash().equals(f[2]) && anchor.time().equals(f[3]) && anchor.signature().equals(f[5])) {
                present[i] = true;
            }
        }
    }

    /** Every earlier checkpoint must be of the export's workspace. */
    LedgerVerification ofWorkspace(String workspace) {
        for (VerificationPolicy.Anchor anchor : anchors) {
            if (!workspace.equals(anchor.checkpoint().workspace())) {
                return new LedgerVerification(false, 0, 0, null, anchor.origin() + " is of workspace "
                        + anchor.checkpoint().workspace() + ", not of this ledger's workspace " + workspace);
            }
        }
        return null;
    }

    /** A segment starting at {@code from} cannot prove it extends a checkpoint before it. */
    LedgerVerification segmentFrom(long from, Failure failure) {
        for (VerificationPolicy.Anchor anchor : anchors) {
            if (anchor.checkpoint().count() < from) {
                return failure.of(from, anchor.origin() + " covers entry " + anchor.checkpoint().count() + ", before this segment of the ledger "
                        + "starts (entry " + from + "): verify it against a whole export");
            }
        }
        return null;
    }

    /** After the last line: no earlier checkpoint covers more entries than are left (truncation), and each is still there. */
    LedgerVerification atEnd(long entries, Failure failure) {
        for (int i = 0; i < present.length; i++) {
            VerificationPolicy.Anchor anchor = anchors.get(i);
            if (anchor.checkpoint().count() > entries) {
                return failure.of(entries + 1, "the ledger ends at entry " + entries + ", but " + anchor.origin() + " (signed "
                        + anchor.checkpoint().time() + ") covers " + anchor.checkpoint().count()
                        + " entries: entries were removed from its end");
            }
            if (!present[i]) {
                return failure.of(anchor.checkpoint().count(), "the checkpoint at entry " + anchor.checkpoint().count() + ", "
                        + anchor.origin() + ", is missing from the ledger");
            }
        }
        return null;
    }

    /** What a verified export extends, for its message; empty when nothing was given. */
    String described() {
        return anchors.isEmpty() ? "" : "; it extends " + anchors.stream().map(a -> a.origin() + " (" + a.checkpoint().count() + " entries)")
                .collect(Collectors.joining(", "));
    }
}
