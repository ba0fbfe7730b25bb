package dev.attest.accessreviews;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A remediation task was verified by a collection, closed by hand, or accepted as an exception. */
public record RemediationTaskClosed(WorkspaceId workspaceId, String actor, UUID campaignId, UUID taskId, String accountId, TaskStatus status) implements AccessReviewEvent {

    @Override
    public AccessReviewEventKind eventKind() {
        return AccessReviewEventKind.TASK_CLOSED;
    }

    @Override
    public String target() {
        return "access-task:" + taskId;
    }

    @Override
    public String summary() {
        return "remediation of " + accountId + ": " + status.wireName();
    }
}
