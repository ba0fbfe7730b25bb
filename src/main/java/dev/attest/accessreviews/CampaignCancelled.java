package dev.attest.accessreviews;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A campaign was cancelled. */
@RecordedAs("accessreviews.campaign-cancelled")
public record CampaignCancelled(WorkspaceId workspaceId, String actor, UUID campaignId, String name) implements AccessReviewEvent.OfCampaign {
}
