package dev.attest.evidence.internal;

import dev.attest.crypto.Digests;
import dev.attest.evidence.LedgerVerification;
import dev.attest.crypto.OfflineVerifierArguments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * The ledger's export format and hash rules, shared by the server and the offline verifier so that
 * both compute exactly the same bytes. An export is UTF-8 text, one record per line, fields split by tabs:
 * <pre>
 * attest-ledger	1
 * workspace	UUID
 * exported-at	INSTANT	CHECKPOINT_INTERVAL (ISO-8601 duration): how old unsigned entries at the head may be
 * public-key	KEY_ID	BASE64 (X.509 Ed25519), one line per key the workspace has used
 * segment	FROM	PREVIOUS_HASH   only in a segment (entries FROM on): the hash of entry FROM - 1
 * E	SEQ	RECORDED_AT	EVIDENCE_ID	KIND	SHA256	ENTRY_HASH
 * C	SEQ	HEAD_HASH	SIGNED_AT	KEY_ID	SIGNATURE (base64), right after entry SEQ
 * </pre>
 * An entry's hash is SHA-256 over the previous entry's hash (hex; 64 zeros before the first), a
 * newline, and the entry's fields joined by tabs. A checkpoint signs
 * {@code attest-ledger-checkpoint\nWORKSPACE\nSEQ\nHEAD_HASH\nSIGNED_AT}. A key's fingerprint is the
 * SHA-256 (hex) of its X.509 encoding and its id the first 16 hex digits of that.
 */
public final class LedgerFormat {

    public static final String HEADER = "attest-ledger\t1";
    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private LedgerFormat() {
    }

    public static String entryFields(long seq, String recordedAt, String evidenceId, String kind, String sha256) {
        return seq + "\t" + recordedAt + "\t" + evidenceId + "\t" + kind + "\t" + sha256;
    }

    public static String entryHash(String previousHash, String fields) {
        MessageDigest digest = sha256();
        digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '\n');
        digest.update(fields.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest.digest());
    }

    public static byte[] checkpointMessage(String workspace, long seq, String headHash, String signedAt) {
        return ("attest-ledger-checkpoint\n" + workspace + "\n" + seq + "\n" + headHash + "\n" + signedAt).getBytes(StandardCharsets.UTF_8);
    }

    public static MessageDigest sha256() {
        return Digests.sha256();
    }

    public static PublicKey publicKey(String base64) {
        return OfflineVerifierArguments.publicKey(base64);
    }

    /** The SHA-256 (hex) of the key's X.509 encoding: what auditors pin. */
    public static String fingerprint(PublicKey key) {
        return OfflineVerifierArguments.fingerprint(key);
    }

    /** A key's id: the first 16 hex digits of its fingerprint. */
    public static String keyId(PublicKey key) {
        return OfflineVerifierArguments.keyId(key);
    }

    /**
     * Verifies an export trusting only what the policy pins (keys by fingerprint, earlier checkpoints, the
     * head's freshness); names the first entry or checkpoint that does not match.
     */
    public static LedgerVerification verify(InputStream in, VerificationPolicy policy) throws IOException {
        return ExportVerification.verify(in, policy);
    }

    /**
     * Verifies an export read as bytes (buffer it or not: it is read in large blocks); names the first
     * entry or checkpoint that does not match, with its line.
     */
    public static LedgerVerification verify(InputStream in) throws IOException {
        return ExportVerification.verify(in, VerificationPolicy.unpinned());
    }
}
