package dev.attest.trustcenter;

import dev.attest.identity.WorkspaceEvent;

import java.util.UUID;

/**
 * One fact about a workspace's Trust Center, for the audit trail and any listener: a listener subscribes
 * to the record it cares about. A record carries its facts and its trail name
 * ({@link dev.attest.identity.RecordedAs}); what facts of one subject share (their target) is said once,
 * in {@link OfTrustCenter} and {@link OfAccessRequest}.
 */
public sealed interface TrustCenterEvent extends WorkspaceEvent
        permits TrustCenterEvent.OfTrustCenter, TrustCenterEvent.OfAccessRequest, DocumentUploaded, SubprocessorChangeAnnounced {

    /** A fact about the Trust Center as a whole: its target is the Trust Center. */
    sealed interface OfTrustCenter extends TrustCenterEvent
            permits TrustCenterDraftSaved, TrustCenterPublished, LedgerCheckpointPublicationChanged {

        @Override
        default String target() {
            return "trust-center";
        }
    }

    /** A fact about one request for a gated document: its target is the request. */
    sealed interface OfAccessRequest extends TrustCenterEvent permits DocumentAccessRequested, DocumentAccessDecided {

        /** The request the fact is about. */
        UUID requestId();

        @Override
        default String target() {
            return "trust-access-request:" + requestId();
        }
    }
}
