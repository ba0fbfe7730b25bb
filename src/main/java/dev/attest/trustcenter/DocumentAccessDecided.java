package dev.attest.trustcenter;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** An admin approved or denied a request for a gated document. */
@RecordedAs("trustcenter.access-decided")
public record DocumentAccessDecided(WorkspaceId workspaceId, java.util.UUID requestId, String document, String company, boolean approved, String actor) implements TrustCenterEvent.OfAccessRequest {

    @Override
    public String summary() {
        return (approved ? "approved" : "denied") + " access to " + document + " for " + company;
    }
}
