package dev.attest.trustcenter;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** An admin saved the Trust Center draft; nothing public changed. */
@RecordedAs("trustcenter.draft-saved")
public record TrustCenterDraftSaved(WorkspaceId workspaceId, String company, String actor) implements TrustCenterEvent.OfTrustCenter {

    @Override
    public String summary() {
        return "draft saved";
    }
}
