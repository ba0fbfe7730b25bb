package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerVerification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointSignaturesTest {

    private final KeyPair keys;

    CheckpointSignaturesTest() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private byte[] message(int i) {
        return ("checkpoint " + i).getBytes(StandardCharsets.UTF_8);
    }

    private String signature(byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(message);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    /** Submits n checks, the ones at the bad positions signing another message. */
    private LedgerVerification run(int n, int maxPending, int... bad) throws Exception {
        try (CheckpointSignatures signatures = new CheckpointSignatures(maxPending)) {
            for (int i = 0; i < n; i++) {
                final int index = i;
                boolean damaged = java.util.Arrays.stream(bad).anyMatch(b -> b == index);
                signatures.submit(i * 10L, i, keys.getPublic(), message(i), signature(damaged ? message(-1) : message(i)));
            }
            return signatures.firstFailure();
        }
    }

    @Test
    void allGoodSignaturesGiveNoFailureWhateverTheBacklog() throws Exception {
        assertThat(run(40, 4096)).isNull();
        assertThat(run(40, 2)).isNull();
    }

    @Test
    void theFirstBadSignatureInOrderIsReportedEvenWhenLaterOnesFailToo() throws Exception {
        for (int maxPending : new int[]{1, 3, 4096}) {
            LedgerVerification failure = run(40, maxPending, 31, 17, 35);
            assertThat(failure).as("backlog of %d", maxPending).isNotNull();
            assertThat(failure.firstBadSeq()).isEqualTo(170);
            assertThat(failure.entries()).isEqualTo(170);
            assertThat(failure.checkpoints()).isEqualTo(17);
            assertThat(failure.message()).isEqualTo("checkpoint at entry 170 has a bad signature");
        }
    }

    @Test
    void aSignatureThatIsNotBase64IsABadSignature() throws Exception {
        try (CheckpointSignatures signatures = new CheckpointSignatures()) {
            signatures.submit(5, 0, keys.getPublic(), message(5), "not base64!");
            assertThat(signatures.firstFailure().firstBadSeq()).isEqualTo(5);
            assertThat(signatures.failed()).isTrue();
        }
    }
}
