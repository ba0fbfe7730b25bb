package dev.attest.accessreviews;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A campaign was created as a draft. */
public record CampaignCreated(WorkspaceId workspaceId, String actor, UUID campaignId, String name) implements AccessReviewEvent {

    @Override
    public String action() {
        return "accessreviews.campaign-created";
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
