package dev.attest.policies;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A new draft was started from the latest version. */
@RecordedAs("policies.drafted")
public record DraftStarted(WorkspaceId workspaceId, String actor, UUID policyId, String title, int versionNumber) implements PolicyChange {
}
