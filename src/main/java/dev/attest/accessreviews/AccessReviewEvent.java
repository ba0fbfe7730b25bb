package dev.attest.accessreviews;

import dev.attest.identity.WorkspaceEvent;

/** A state change in access reviews, for the audit trail and for listeners. */
public sealed interface AccessReviewEvent extends WorkspaceEvent
        permits SystemSaved, AccountsCollected, AccountLinked, CampaignCreated, CampaignStarted, AccessDecided,
        RemediationTaskClosed, CampaignCompleted, CampaignCancelled {

    /** Which kind of fact this is. */
    AccessReviewEventKind eventKind();

    @Override
    default String action() {
        return eventKind().auditName();
    }
}
