package dev.attest.trustcenter;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** The draft became the public Trust Center. */
@RecordedAs("trustcenter.published")
public record TrustCenterPublished(WorkspaceId workspaceId, String company, String actor) implements TrustCenterEvent.OfTrustCenter {

    @Override
    public String summary() {
        return "published the Trust Center";
    }
}
