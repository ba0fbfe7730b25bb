package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerVerification;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.HexFormat;

/**
 * The ledger's export format and hash rules, shared by the server and the offline verifier so that
 * both compute exactly the same bytes. An export is UTF-8 text, one record per line, fields split by tabs:
 * <pre>
 * attest-ledger	1
 * workspace	UUID
 * public-key	KEY_ID	BASE64 (X.509 Ed25519), one line per key the workspace has used
 * E	SEQ	RECORDED_AT	EVIDENCE_ID	KIND	SHA256	ENTRY_HASH
 * C	SEQ	HEAD_HASH	SIGNED_AT	KEY_ID	SIGNATURE (base64), right after entry SEQ
 * </pre>
 * An entry's hash is SHA-256 over the previous entry's hash (hex; 64 zeros before the first), a
 * newline, and the entry's fields joined by tabs. A checkpoint signs
 * {@code attest-ledger-checkpoint\nWORKSPACE\nSEQ\nHEAD_HASH\nSIGNED_AT}.
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
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** Verifies an export read line by line; names the first entry or checkpoint that does not match. */
    public static LedgerVerification verify(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (!HEADER.equals(line)) {
            return new LedgerVerification(false, 0, 0, null, "not an Attest ledger export (first line must be '" + HEADER.replace('\t', ' ') + "')");
        }
        String workspace = null;
        Map<String, PublicKey> keys = new HashMap<>();
        String previous = GENESIS;
        long expected = 1;
        long checkpoints = 0;
        MessageDigest digest = sha256();
        byte[] newline = {'\n'};
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            char type = line.charAt(0);
            if (type == 'E') {
                int last = line.lastIndexOf('\t');
                int firstTab = line.indexOf('\t', 2);
                if (last <= 2 || firstTab < 0) {
                    return new LedgerVerification(false, expected - 1, checkpoints, expected, "line " + lineNo + " is not a ledger entry");
                }
                long seq;
                try {
                    seq = Long.parseLong(line, 2, firstTab, 10);
                } catch (NumberFormatException e) {
                    return new LedgerVerification(false, expected - 1, checkpoints, expected, "line " + lineNo + " has no entry number");
                }
                if (seq != expected) {
                    return new LedgerVerification(false, expected - 1, checkpoints, expected,
                            "entry " + expected + " is missing (found entry " + seq + " on line " + lineNo + ")");
                }
                digest.update(previous.getBytes(StandardCharsets.US_ASCII));
                digest.update(newline);
                digest.update(line.substring(2, last).getBytes(StandardCharsets.UTF_8));
                String computed = HEX.formatHex(digest.digest());
                if (!computed.regionMatches(0, line, last + 1, 64) || line.length() != last + 65) {
                    return new LedgerVerification(false, seq - 1, checkpoints, seq,
                            "entry " + seq + " does not match: its hash should be " + computed);
                }
                previous = computed;
                expected++;
            } else if (type == 'C') {
                String[] f = line.split("\t");
                PublicKey key = f.length == 6 ? keys.get(f[4]) : null;
                if (key == null) {
                    return new LedgerVerification(false, expected - 1, checkpoints, null, "line " + lineNo + " is not a valid checkpoint");
                }
                long seq = Long.parseLong(f[1]);
                // A checkpoint follows the entry it signs, so only the running head is needed.
                String atSeq = seq == expected - 1 ? previous : null;
                if (atSeq == null || !atSeq.equals(f[2])) {
                    return new LedgerVerification(false, expected - 1, checkpoints, seq,
                            "checkpoint at entry " + seq + " names a head hash the entries do not produce");
                }
                try {
                    Signature verifier = Signature.getInstance("Ed25519");
                    verifier.initVerify(key);
                    verifier.update(checkpointMessage(workspace, seq, f[2], f[3]));
                    if (!verifier.verify(Base64.getDecoder().decode(f[5]))) {
                        return new LedgerVerification(false, expected - 1, checkpoints, seq, "checkpoint at entry " + seq + " has a bad signature");
                    }
                } catch (Exception e) {
                    return new LedgerVerification(false, expected - 1, checkpoints, seq, "checkpoint at entry " + seq + " has a bad signature");
                }
                checkpoints++;
            } else if (line.startsWith("workspace\t")) {
                workspace = line.substring(10);
            } else if (line.startsWith("public-key\t")) {
                String[] f = line.split("\t");
                if (f.length != 3) {
                    return new LedgerVerification(false, 0, 0, null, "line " + lineNo + " is not a public key");
                }
                keys.put(f[1], publicKey(f[2]));
            } else {
                return new LedgerVerification(false, expected - 1, checkpoints, null, "line " + lineNo + " is not part of a ledger export");
            }
        }
        long entries = expected - 1;
        return new LedgerVerification(true, entries, checkpoints, null,
                "ledger verifies: " + entries + " entries, " + checkpoints + " signed checkpoints, head " + previous);
    }
}
