package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.evidence.LedgerVerification;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger export ({@link LedgerFormat}): writing a workspace's ledger, whole or a segment, and verifying
 * it online the same way the offline {@code verify-ledger} command does.
 */
@Component
@RequiredArgsConstructor
class LedgerExport {

    private final LedgerStore store;
    private final LedgerKeys keys;
    private final LedgerWitness witness;
    private final EvidenceProperties properties;
    private final Clock clock;

    /**
     * Writes entries {@code from} to {@code to} (inclusive) and the checkpoints among them, each right after the entry
     * it signs; a segment that does not start at the first entry names the hash of the entry before it, to which its
     * first entry is chained.
     */
    void write(WorkspaceId workspace, Writer out, long from, long to) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter b ? b : new BufferedWriter(out, 1 << 16);
        w.write(LedgerFormat.HEADER);
        w.write('\n');
        w.write("workspace\t" + workspace + "\n");
        w.write("exported-at\t" + clock.instant().truncatedTo(ChronoUnit.MILLIS) + "\t" + maxUnsigned() + "\n");
        for (var key : keys.publicKeys(workspace).entrySet()) {
            w.write("public-key\t" + key.getKey() + "\t" + key.getValue() + "\n");
        }
        if (from > 1) {
            String before = store.entryHash(workspace, from - 1)
                    .orElseThrow(() -> new IllegalStateException("no ledger entry " + (from - 1)));
            w.write("segment\t" + from + "\t" + before + "\n");
        }
        List<String[]> checkpoints = store.checkpoints(workspace, from, to);
        int[] next = {0};
        store.entries(workspace, from, to, entry -> {
            long seq = entry.seq();
            try {
                w.write("E\t");
                w.write(LedgerFormat.entryFields(seq, entry.recordedAt(), entry.evidenceId(), entry.kind(), entry.sha256()));
                w.write('\t');
                w.write(entry.entryHash());
                w.write('\n');
                while (next[0] < checkpoints.size() && Long.parseLong(checkpoints.get(next[0])[0]) == seq) {
                    w.write("C\t" + String.join("\t", checkpoints.get(next[0])) + "\n");
                    next[0]++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.flush();
    }

    /**
     * How long entries may wait at the head for a checkpoint: one checkpoint interval, plus a minute for the
     * scheduled signing to come round.
     */
    private Duration maxUnsigned() {
        return properties.getCheckpointInterval().plusMinutes(1);
    }

    /**
     * Exports the ledger to a temporary file and verifies it the way the offline command does, trusting
     * nothing the database says about itself: only the pinned keys count, the ledger must extend the
     * checkpoint kept outside the database and every earlier checkpoint given, and the head must be signed
     * or younger than the checkpoint interval.
     */
    LedgerVerification verify(WorkspaceId workspace, Path scratch, List<LedgerCheckpoint> earlier) {
        List<VerificationPolicy.Anchor> anchors = new ArrayList<>();
        witness.read(workspace).ifPresent(known -> anchors.add(new VerificationPolicy.Anchor(known,
                "the checkpoint this installation keeps outside the database")));
        for (LedgerCheckpoint given : earlier) {
            anchors.add(new VerificationPolicy.Anchor(given, "the earlier checkpoint given"));
        }
        Map<String, PublicKey> pinned = keys.pinnedByKeyId(workspace);
        Set<String> fingerprints = new HashSet<>();
        pinned.values().forEach(key -> fingerprints.add(LedgerFormat.fingerprint(key)));
        VerificationPolicy policy = new VerificationPolicy(fingerprints, pinned, anchors, clock.instant(), maxUnsigned());
        try {
            Path file = Files.createTempFile(scratch, "ledger-", ".txt");
            try {
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    write(workspace, out, 1, Long.MAX_VALUE);
                }
                try (InputStream in = Files.newInputStream(file)) {
                    return LedgerFormat.verify(in, policy);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
