package dev.attest.trustcenter;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** An admin turned the publication of the evidence ledger's newest checkpoint on the Trust Center on or off. */
@RecordedAs("trustcenter.ledger-checkpoint-publication-changed")
public record LedgerCheckpointPublicationChanged(WorkspaceId workspaceId, boolean published, String actor) implements TrustCenterEvent.OfTrustCenter {

    @Override
    public String summary() {
        return published ? "publishes the evidence ledger's newest checkpoint on the Trust Center"
                : "stopped publishing the evidence ledger's checkpoint on the Trust Center";
    }
}
