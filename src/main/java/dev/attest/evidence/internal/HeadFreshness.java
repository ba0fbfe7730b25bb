package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerVerification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import lombok.RequiredArgsConstructor;

/**
 * The rule that the head of an export is signed or young: entries after the newest checkpoint may wait at most
 * the checkpoint interval (the policy's, or the one the export states), judged at the policy's time (or the
 * export's). Longer means checkpoints were deleted or signing stopped.
 */
@RequiredArgsConstructor
final class HeadFreshness {

    private final VerificationPolicy policy;
    private long lastCheckpointSeq;
    /** Whether the next entry is the first one after the newest checkpoint, whose time the rule needs. */
    private boolean wantsTime = true;
    private String firstUnsignedAt;
    private Instant exportedAt;
    private Duration exportInterval;

    /** Whether the entry about to be read is the first after the newest checkpoint. */
    boolean wantsTime() {
        return wantsTime;
    }

    /** The first entry after the newest checkpoint: its time, the field after the tab at {@code firstTab}, before {@code e}. */
    void firstUnsigned(byte[] b, int firstTab, int e) {
        int end = firstTab + 1;
        while (end < e && b[end] != '\t') {
            end++;
        }
        firstUnsignedAt = new String(b, firstTab + 1, end - firstTab - 1, StandardCharsets.UTF_8);
        wantsTime = false;
    }

    /** A checkpoint signs the head up to {@code seq}. */
    void signed(long seq) {
        lastCheckpointSeq = seq;
        wantsTime = true;
        firstUnsignedAt = null;
    }

    /** The export's {@code exported-at TIME INTERVAL} line, split; false when it does not give them. */
    boolean exported(String[] f) {
        try {
            exportedAt = Instant.parse(f[1]);
            exportInterval = f.length > 2 ? Duration.parse(f[2]) : null;
            return true;
        } catch (RuntimeException badTime) {
            return false;
        }
    }

    /** After the last of {@code entries} entries: whether the unsigned ones waited too long. */
    LedgerVerification atEnd(long entries, AnchorChecks.Failure failure) {
        Instant now = policy.now() != null ? policy.now() : exportedAt;
        Duration allowed = policy.maxUnsigned() != null ? policy.maxUnsigned() : exportInterval;
        if (now == null || allowed == null || lastCheckpointSeq == entries) {
            return null;
        }
        Instant waitingSince;
        try {
            waitingSince = Instant.parse(firstUnsignedAt);
        } catch (RuntimeException e) {
            return failure.of(lastCheckpointSeq + 1, "entry " + (lastCheckpointSeq + 1) + " has no valid time");
        }
        if (Duration.between(waitingSince, now).compareTo(allowed) > 0) {
            String newest = lastCheckpointSeq == 0 ? "there is no signed checkpoint at all"
                    : "the newest signed checkpoint covers entry " + lastCheckpointSeq;
            return failure.of(lastCheckpointSeq + 1, "the head is not covered by a recent signed checkpoint: " + newest
                    + ", and entries " + (lastCheckpointSeq + 1) + " to " + entries + " have waited since " + firstUnsignedAt
                    + ", longer than the checkpoint interval allows (" + allowed + "); checkpoints were deleted or signing stopped");
        }
        return null;
    }
}
