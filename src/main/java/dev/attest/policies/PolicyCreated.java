package dev.attest.policies;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A policy was created, from a template or by hand, with its first draft (version 1). */
@RecordedAs("policies.created")
public record PolicyCreated(WorkspaceId workspaceId, String actor, UUID policyId, String title, int versionNumber) implements PolicyChange {
}
