package dev.attest.evidence;

/**
 * Where a workspace's ledger stands: its head, and its newest signed checkpoint.
 *
 * @param entries            the head's sequence number (0 for an empty ledger)
 * @param headHash           the head entry's hash (64 zeros for an empty ledger)
 * @param checkpointSeq      the entry the newest checkpoint signs, or null when none is signed yet
 * @param checkpointSignedAt when it was signed (ISO-8601), or null
 * @param checkpointKeyId    the signing key's id, or null
 */
public record LedgerStatus(long entries, String headHash, Long checkpointSeq, String checkpointSignedAt, String checkpointKeyId) {

    /** Whether entries were added after the newest checkpoint. */
    public boolean unsignedEntries() {
        return entries > (checkpointSeq == null ? 0 : checkpointSeq);
    }
}
