package dev.attest.accessreviews;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A campaign was cancelled. */
public record CampaignCancelled(WorkspaceId workspaceId, String actor, UUID campaignId, String name) implements AccessReviewEvent {

    @Override
    public AccessReviewEventKind eventKind() {
        return AccessReviewEventKind.CAMPAIGN_CANCELLED;
    }

    @Override
    public String target() {
        return "access-campaign:" + campaignId;
    }

    @Override
    public String summary() {
        return "campaign " + name + " cancelled";
    }
}
