package dev.attest.privacy;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A request's deadline was extended, once, with the reason told to the requester. */
public record DeadlineExtended(WorkspaceId workspaceId, String actor, UUID requestId, String reference, String summary)
        implements PrivacyEvent, RequestStep {

    @Override
    public String step() {
        return "extended";
    }
}
