package dev.attest.evidence;

/**
 * A signed statement that a workspace's ledger had {@code count} entries ending in {@code hash} at
 * {@code time}: what the Trust Center and audit packages publish, and what an auditor keeps. Given
 * back to a verifier (online: {@code POST /api/v1/evidence/ledger/verify}; offline:
 * {@code verify-ledger EXPORT --checkpoint FILE}) it proves that today's ledger still extends it:
 * entry {@code count} must still have this hash, so no entry up to it was changed or removed.
 *
 * @param workspace the workspace's id
 * @param count     the number of entries it covers (the sequence number of the entry it signs)
 * @param hash      that entry's hash (hex)
 * @param time      when it was signed (ISO-8601)
 * @param keyId     the signing key's id: the first 16 hex digits of its {@link LedgerKey#fingerprint()}
 * @param signature Ed25519 over {@code attest-ledger-checkpoint\nWORKSPACE\nCOUNT\nHASH\nTIME}, Base64
 */
public record LedgerCheckpoint(String workspace, long count, String hash, String time, String keyId, String signature) {

    /** What is wrong with a checkpoint someone hands in, by field; empty when it is well formed. */
    public java.util.Map<String, String> invalidFields() {
        return dev.attest.crypto.CheckpointFields.problems(workspace, count, hash, time, keyId, signature);
    }
}
