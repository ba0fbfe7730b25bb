package dev.attest.policies;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A version in review or approved went back to draft. */
@RecordedAs("policies.returned")
public record VersionReturned(WorkspaceId workspaceId, String actor, UUID policyId, String title, int versionNumber) implements PolicyChange {
}
