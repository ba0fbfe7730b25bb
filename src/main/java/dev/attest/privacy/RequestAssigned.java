package dev.attest.privacy;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A request was given to a member (or to nobody), who owns its deadline. */
public record RequestAssigned(WorkspaceId workspaceId, String actor, UUID requestId, String reference, String summary)
        implements PrivacyEvent, RequestStep {

    @Override
    public String step() {
        return "assigned";
    }
}
