package dev.attest.trustcenter;

import dev.attest.identity.WorkspaceId;

/** The draft became the public Trust Center. */
public record TrustCenterPublished(WorkspaceId workspaceId, String company, String actor) implements TrustCenterEvent {

    @Override
    public String action() {
        return "trustcenter.published";
    }

    @Override
    public String target() {
        return "trust-center";
    }

    @Override
    public String summary() {
        return "published the Trust Center";
    }
}
