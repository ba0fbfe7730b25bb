package dev.attest.evidence;

/**
 * A public key that verifies a workspace's ledger checkpoints. It is derived from the operator's
 * master key (or, for checkpoints signed before that, read from a private key kept in the data
 * folder), never from the database, so an auditor who pins its fingerprint cannot be fooled by a key
 * swapped in the database.
 *
 * @param keyId       the id checkpoints name: the first 16 hex digits of the fingerprint
 * @param algorithm   always {@code Ed25519}
 * @param publicKey   the X.509 (SubjectPublicKeyInfo) encoding, Base64
 * @param fingerprint the SHA-256 of that encoding, hex: what {@code verify-ledger --key} takes
 * @param current     whether new checkpoints are signed with it
 */
public record LedgerKey(String keyId, String algorithm, String publicKey, String fingerprint, boolean current) {
}
