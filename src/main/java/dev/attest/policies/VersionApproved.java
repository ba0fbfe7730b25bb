package dev.attest.policies;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A version in review was approved. */
public record VersionApproved(WorkspaceId workspaceId, String actor, UUID policyId, String title, int versionNumber) implements PolicyChange {

    @Override
    public PolicyAction kind() {
        return PolicyAction.APPROVED;
    }
}
