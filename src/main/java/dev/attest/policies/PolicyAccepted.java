package dev.attest.policies;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A person accepted a published policy version. */
@RecordedAs("policies.accepted")
public record PolicyAccepted(WorkspaceId workspaceId, UUID policyId, String title, int versionNumber, String email,
                             String actor) implements PolicyEvent.OfPolicy {

    @Override
    public String summary() {
        return email + " accepted " + title + " v" + versionNumber;
    }
}
