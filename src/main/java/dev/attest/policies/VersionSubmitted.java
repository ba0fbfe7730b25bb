package dev.attest.policies;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A draft was submitted for review. */
public record VersionSubmitted(WorkspaceId workspaceId, String actor, UUID policyId, String title, int versionNumber) implements PolicyChange {

    @Override
    public PolicyAction kind() {
        return PolicyAction.SUBMITTED;
    }
}
