package dev.attest.privacy;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A request was closed, fulfilled or denied, and whether within its deadline. */
@RecordedAs("privacy.request-closed")
public record DataSubjectRequestClosed(WorkspaceId workspaceId, String actor, UUID requestId, String reference,
                                       String outcome, boolean onTime) implements PrivacyEvent.OfRequest {

    @Override
    public String summary() {
        return "closed as " + outcome + (onTime ? " within" : " after") + " the deadline";
    }
}
