package dev.attest.trustcenter;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** A visitor asked for a gated document and accepted the NDA (approved at once for an allowed domain). */
@RecordedAs("trustcenter.access-requested")
public record DocumentAccessRequested(WorkspaceId workspaceId, java.util.UUID requestId, String document, String company, boolean approved, String actor) implements TrustCenterEvent.OfAccessRequest {

    @Override
    public String summary() {
        return "access to " + document + " requested from " + company + (approved ? ", approved for its allowed domain" : "");
    }
}
