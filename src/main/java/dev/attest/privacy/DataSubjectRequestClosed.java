package dev.attest.privacy;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A request was closed, fulfilled or denied, and whether within its deadline. */
public record DataSubjectRequestClosed(WorkspaceId workspaceId, String actor, UUID requestId, String reference,
                                       String outcome, boolean onTime) implements PrivacyEvent {

    @Override
    public String action() {
        return "privacy.request-closed";
    }

    @Override
    public String target() {
        return "privacy-request:" + reference;
    }

    @Override
    public String summary() {
        return "closed as " + outcome + (onTime ? " within" : " after") + " the deadline";
    }
}
