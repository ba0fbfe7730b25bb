package dev.attest.accessreviews;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A campaign completed: every account decided, every task closed; the review is stored as evidence. */
public record CampaignCompleted(WorkspaceId workspaceId, String actor, UUID campaignId, String name, UUID reportEvidence) implements AccessReviewEvent {

    @Override
    public AccessReviewEventKind eventKind() {
        return AccessReviewEventKind.CAMPAIGN_COMPLETED;
    }

    @Override
    public String target() {
        return "access-campaign:" + campaignId;
    }

    @Override
    public String summary() {
        return "campaign " + name + " completed";
    }
}
