package dev.attest.evidence.internal;

import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bytes are stored before the evidence row commits; a crash in between leaves an orphan, which the sweeper removes after a day. */
@AttestTest
class EvidenceOrphansTest {

    @Autowired
    EvidenceLocker evidence;

    @Autowired
    EvidenceStorage storage;

    @Autowired
    EvidenceOrphans orphans;

    @Autowired
    TransactionTemplate transaction;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anUploadWhoseCommitNeverHappensIsNotEvidenceAndIsSweptAfterADay() throws Exception {
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        byte[] orphan = ("crashed upload " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] kept = ("committed upload " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        // linked to no control: an item linked to one also brings its freshness check's run into the list, a moment later
        evidence.add(workspace, new NewEvidence("upload", "kept", null, "text/plain", List.of(), null, "test"), kept);

        // the node dies after the bytes are stored and before the row commits: the transaction rolls back
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            evidence.add(workspace, new NewEvidence("upload", "lost", null, "text/plain", List.of(), null, "test"), orphan);
            throw new IllegalStateException("node killed before commit");
        })).hasMessage("node killed before commit");

        assertThat(storage.contains(sha256(orphan))).as("the bytes reached the store").isTrue();
        assertThat(evidence.list(workspace, null, null, 100)).extracting(e -> e.title()).containsExactly("kept");
        assertThat(evidence.verifyLedger(workspace).valid()).isTrue();

        Instant now = Instant.now();
        orphans.sweep(now);
        assertThat(storage.contains(sha256(orphan))).as("younger than a day: its upload may still be committing").isTrue();

        orphans.sweep(now.plus(Duration.ofDays(1)).plusSeconds(60));
        assertThat(storage.contains(sha256(orphan))).isFalse();
        assertThat(storage.contains(sha256(kept))).isTrue();
        assertThat(evidence.verifyLedger(workspace).valid()).isTrue();
    }
}
