package dev.attest.trustcenter;

import dev.attest.identity.WorkspaceId;

/** An admin saved the Trust Center draft; nothing public changed. */
public record TrustCenterDraftSaved(WorkspaceId workspaceId, String company, String actor) implements TrustCenterEvent {

    @Override
    public String action() {
        return "trustcenter.draft-saved";
    }

    @Override
    public String target() {
        return "trust-center";
    }

    @Override
    public String summary() {
        return "draft saved";
    }
}
