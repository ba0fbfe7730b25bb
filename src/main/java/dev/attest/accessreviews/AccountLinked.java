package dev.attest.accessreviews;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An account was linked to a person by hand (or the link was removed). */
@RecordedAs("accessreviews.account-linked")
public record AccountLinked(WorkspaceId workspaceId, String actor, UUID systemId, String accountId, String personEmail) implements AccessReviewEvent {

    @Override
    public String target() {
        return "access-account:" + systemId + "/" + accountId;
    }

    @Override
    public String summary() {
        return personEmail == null ? "link to a person removed" : "linked to " + personEmail;
    }
}
