package dev.attest.accessreviews;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A campaign was created as a draft. */
@RecordedAs("accessreviews.campaign-created")
public record CampaignCreated(WorkspaceId workspaceId, String actor, UUID campaignId, String name) implements AccessReviewEvent.OfCampaign {
}
