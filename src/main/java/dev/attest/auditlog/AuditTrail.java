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

    /** Recomputes the workspace's chain from its first entry and names the first broken link. */
    ChainVerification verify(WorkspaceId workspace);
}
