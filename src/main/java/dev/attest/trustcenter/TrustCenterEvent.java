package dev.attest.trustcenter;

import dev.attest.identity.WorkspaceEvent;

/**
 * One fact about a workspace's Trust Center, for the audit trail and any listener: a listener subscribes
 * to the record it cares about, and a switch over this interface sees every kind. Each record keeps the
 * audit trail's action name it has always had.
 */
public sealed interface TrustCenterEvent extends WorkspaceEvent
        permits TrustCenterDraftSaved, TrustCenterPublished, DocumentUploaded, DocumentAccessRequested, DocumentAccessDecided,
        SubprocessorChangeAnnounced, LedgerCheckpointPublicationChanged {
}
