package dev.attest.trustcenter;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** A document was uploaded for the Trust Center. */
@RecordedAs("trustcenter.document-uploaded")
public record DocumentUploaded(WorkspaceId workspaceId, java.util.UUID documentId, String title, boolean gated, String actor) implements TrustCenterEvent {

    @Override
    public String target() {
        return "trust-document:" + documentId;
    }

    @Override
    public String summary() {
        return "uploaded " + title + (gated ? " (gated)" : " (public)");
    }
}
