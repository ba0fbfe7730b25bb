package dev.attest.policies;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An approved version was published: people now read and accept it. */
@RecordedAs("policies.published")
public record VersionPublished(WorkspaceId workspaceId, String actor, UUID policyId, String title, int versionNumber) implements PolicyChange {
}
