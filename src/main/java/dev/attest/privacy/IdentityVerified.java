package dev.attest.privacy;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The requester's identity was verified. */
public record IdentityVerified(WorkspaceId workspaceId, String actor, UUID requestId, String reference, String summary)
        implements PrivacyEvent, RequestStep {

    @Override
    public String step() {
        return "identity-verified";
    }
}
