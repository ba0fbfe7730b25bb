package dev.attest.policies;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The text of a draft was changed. */
@RecordedAs("policies.edited")
public record DraftEdited(WorkspaceId workspaceId, String actor, UUID policyId, String title, int versionNumber) implements PolicyChange {
}
