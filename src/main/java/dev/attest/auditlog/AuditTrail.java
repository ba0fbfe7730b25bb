package dev.attest.auditlog;

import dev.attest.identity.WorkspaceId;

import java.util.List;
import java.util.function.Consumer;

/** Reads and verifies a workspace's audit trail. Nothing here (or anywhere) changes or removes an entry. */
public interface AuditTrail {

    /** One page of matching entries, newest first. */
    List<AuditEntry> entries(WorkspaceId workspace, AuditFilter filter, int page, int size);

    long count(WorkspaceId workspace, AuditFilter filter);

    /** Every matching entry, oldest first, handed to the consumer one at a time (for exports). */
    void each(WorkspaceId workspace, AuditFilter filter, Consumer<AuditEntry> consumer);

    /**
     * Recomputes the workspace's chain from its first entry and names the first broken link; checks every
     * checkpoint against the key derived from the master key, that the chain extends the newest checkpoint
     * kept outside the database, and that the head is signed or younger than the checkpoint interval.
     */
    default ChainVerification verify(WorkspaceId workspace) {
        return verify(workspace, List.of());
    }

    /** As {@link #verify(WorkspaceId)}, and proves that the chain still extends each earlier checkpoint given. */
    ChainVerification verify(WorkspaceId workspace, List<AuditCheckpoint> earlier);

    /** The newest signed checkpoint, for keeping a copy; empty before the first. */
    java.util.Optional<AuditCheckpoint> latestCheckpoint(WorkspaceId workspace);

    /** The SHA-256 fingerprint (hex) of the public key that verifies the workspace's checkpoints. */
    String checkpointKeyFingerprint(WorkspaceId workspace);
}
