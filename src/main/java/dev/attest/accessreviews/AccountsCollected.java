package dev.attest.accessreviews;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A system's accounts were collected again (by schedule, by hand, by a campaign start or a CSV upload). */
@RecordedAs("accessreviews.accounts-collected")
public record AccountsCollected(WorkspaceId workspaceId, String actor, UUID systemId, String name, int accounts, int tasksVerified) implements AccessReviewEvent.OfSystem {

    @Override
    public String summary() {
        return accounts + " account(s) collected from " + name + (tasksVerified > 0 ? ", " + tasksVerified + " remediation task(s) verified" : "");
    }
}
