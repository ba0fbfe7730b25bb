package dev.attest.accessreviews;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A campaign started: its snapshot is frozen and stored as evidence. */
public record CampaignStarted(WorkspaceId workspaceId, String actor, UUID campaignId, String name, int accounts, UUID snapshotEvidence) implements AccessReviewEvent {

    @Override
    public AccessReviewEventKind eventKind() {
        return AccessReviewEventKind.CAMPAIGN_STARTED;
    }

    @Override
    public String target() {
        return "access-campaign:" + campaignId;
    }

    @Override
    public String summary() {
        return "campaign " + name + " started with " + accounts + " account(s)";
    }
}
