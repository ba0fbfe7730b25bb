package dev.attest.trustcenter;

import dev.attest.identity.WorkspaceId;

/** An admin approved or denied a request for a gated document. */
public record DocumentAccessDecided(WorkspaceId workspaceId, java.util.UUID requestId, String document, String company, boolean approved, String actor) implements TrustCenterEvent {

    @Override
    public String action() {
        return "trustcenter.access-decided";
    }

    @Override
    public String target() {
        return "trust-access-request:" + requestId;
    }

    @Override
    public String summary() {
        return (approved ? "approved" : "denied") + " access to " + document + " for " + company;
    }
}
