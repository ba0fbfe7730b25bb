package dev.attest.accessreviews;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A remediation task was verified by a collection, closed by hand, or accepted as an exception. */
@RecordedAs("accessreviews.task-closed")
public record RemediationTaskClosed(WorkspaceId workspaceId, String actor, UUID campaignId, UUID taskId, String accountId, TaskStatus status) implements AccessReviewEvent {

    @Override
    public String target() {
        return "access-task:" + taskId;
    }

    @Override
    public String summary() {
        return "remediation of " + accountId + ": " + status.wireName();
    }
}
