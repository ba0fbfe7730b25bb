package dev.attest.auditlog;

/**
 * A signed statement that a workspace's audit trail had {@code count} entries, the last with hash
 * {@code hash}, at {@code time}. Keep a copy; handed back to {@code POST /api/v1/audit-log/verify} it
 * proves that the trail still extends it, so no entry up to it was changed or removed.
 *
 * @param keyId     the first 16 hex digits of the SHA-256 of the signing key's X.509 encoding
 * @param signature Ed25519 over {@code attest-audit-checkpoint\nWORKSPACE\nCOUNT\nHASH\nTIME}, Base64
 */
public record AuditCheckpoint(String workspace, long count, String hash, String time, String keyId, String signature) {

    /** What is wrong with a checkpoint someone hands in, by field; empty when it is well formed. */
    public java.util.Map<String, String> invalidFields() {
        return dev.attest.crypto.CheckpointFields.problems(workspace, count, hash, time, keyId, signature);
    }
}
