package dev.attest.evidence;

/**
 * The outcome of checking a ledger: every entry's hash recomputed from its predecessor, every
 * checkpoint's signature checked against the workspace's public key.
 *
 * @param firstBadSeq the sequence number of the first entry or checkpoint that does not match, or null
 * @param message     what was found, for people
 */
public record LedgerVerification(boolean valid, long entries, long checkpoints, Long firstBadSeq, String message) {
}
