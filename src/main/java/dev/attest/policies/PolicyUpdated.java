package dev.attest.policies;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A policy's title, owner or review date was changed (the version number is 0: no version is meant). */
@RecordedAs("policies.updated")
public record PolicyUpdated(WorkspaceId workspaceId, String actor, UUID policyId, String title, int versionNumber) implements PolicyChange {
}
