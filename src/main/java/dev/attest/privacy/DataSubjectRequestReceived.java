package dev.attest.privacy;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A data-subject request was received (by staff or from a verified public submission). No personal data here. */
@RecordedAs("privacy.request-received")
public record DataSubjectRequestReceived(WorkspaceId workspaceId, String actor, UUID requestId, String reference,
                                         RequestType type, PrivacyLaw law) implements PrivacyEvent.OfRequest {

    @Override
    public String summary() {
        return type.wireName() + " request under " + law.name() + " received";
    }
}
