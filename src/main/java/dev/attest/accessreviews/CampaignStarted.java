package dev.attest.accessreviews;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A campaign started: its snapshot is frozen and stored as evidence. */
@RecordedAs("accessreviews.campaign-started")
public record CampaignStarted(WorkspaceId workspaceId, String actor, UUID campaignId, String name, int accounts, UUID snapshotEvidence) implements AccessReviewEvent.OfCampaign {

    @Override
    public String summary() {
        return "campaign " + name + " started with " + accounts + " account(s)";
    }
}
