package dev.attest.accessreviews;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A campaign was created as a draft. */
public record CampaignCreated(WorkspaceId workspaceId, String actor, UUID campaignId, String name) implements AccessReviewEvent {

    @Override
    public AccessReviewEventKind eventKind() {
        return AccessReviewEventKind.CAMPAIGN_CREATED;
    }

    @Override
    public String target() {
        return "access-campaign:" + campaignId;
    }

    @Override
    public String summary() {
        return "campaign " + name + " created";
    }
}
