package dev.attest.privacy;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A data-subject request was received (by staff or from a verified public submission). No personal data here. */
public record DataSubjectRequestReceived(WorkspaceId workspaceId, String actor, UUID requestId, String reference,
                                         RequestType type, PrivacyLaw law) implements PrivacyEvent {

    @Override
    public String action() {
        return "privacy.request-received";
    }

    @Override
    public String target() {
        return "privacy-request:" + reference;
    }

    @Override
    public String summary() {
        return type.wireName() + " request under " + law.name() + " received";
    }
}
