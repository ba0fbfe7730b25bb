package dev.attest.accessreviews;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A reviewer decided about one account (appended to its history). */
@RecordedAs("accessreviews.decided")
public record AccessDecided(WorkspaceId workspaceId, String actor, UUID campaignId, UUID itemId, String accountId, Decision decision) implements AccessReviewEvent {

    @Override
    public String target() {
        return "access-item:" + itemId;
    }

    @Override
    public String summary() {
        return decision.wireName() + " " + accountId;
    }
}
