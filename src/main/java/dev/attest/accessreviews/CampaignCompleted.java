package dev.attest.accessreviews;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A campaign completed: every account decided, every task closed; the review is stored as evidence. */
@RecordedAs("accessreviews.campaign-completed")
public record CampaignCompleted(WorkspaceId workspaceId, String actor, UUID campaignId, String name, UUID reportEvidence) implements AccessReviewEvent.OfCampaign {
}
