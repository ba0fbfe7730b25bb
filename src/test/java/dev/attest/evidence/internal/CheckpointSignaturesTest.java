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

    @Test
    void bouncyCastleAndTheJdkAgreeOnEverySignature() throws Exception {
        Signature jdk = Signature.getInstance("Ed25519");
        for (int i = 0; i < 200; i++) {
            byte[] message = message(i);
            String good = signature(message);
            byte[] flipped = Base64.getDecoder().decode(good);
            flipped[i % 64] ^= (byte) (1 << (i % 8));
            byte[] otherMessage = message(i + 1);
            for (var pair : java.util.List.of(java.util.Map.entry(message, good), java.util.Map.entry(otherMessage, good),
                    java.util.Map.entry(message, Base64.getEncoder().encodeToString(flipped)))) {
                jdk.initVerify(keys.getPublic());
                jdk.update(pair.getKey());
                boolean byJdk;
                try {
                    byJdk = jdk.verify(Base64.getDecoder().decode(pair.getValue()));
                } catch (java.security.SignatureException e) {
                    byJdk = false;
                }
                assertThat(CheckpointSignatures.valid(keys.getPublic(), pair.getKey(), pair.getValue())).as("signature %d", i).isEqualTo(byJdk);
            }
            assertThat(CheckpointSignatures.valid(keys.getPublic(), message, good)).isTrue();
        }
        assertThat(CheckpointSignatures.valid(keys.getPublic(), message(1), "c2hvcnQ=")).as("a signature of the wrong length").isFalse();
    }
}
