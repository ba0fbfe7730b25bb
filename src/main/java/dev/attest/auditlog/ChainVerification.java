package dev.attest.auditlog;

/**
 * The result of recomputing a workspace's hash chain and checking its signed checkpoints.
 *
 * @param entries        how many entries were checked
 * @param firstBrokenSeq the first entry that does not match (missing, changed or wrongly linked), or null
 * @param problem        what is wrong with it, or null
 * @param checkpoints    how many signed checkpoints the chain has
 */
public record ChainVerification(boolean valid, long entries, Long firstBrokenSeq, String problem, String lastHash, long checkpoints) {
}
