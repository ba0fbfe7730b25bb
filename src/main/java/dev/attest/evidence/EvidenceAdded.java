package dev.attest.evidence;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/**
 * A piece of evidence was stored and appended to the ledger.
 *
 * @param controls the keys of the controls it is linked to, possibly none
 */
@RecordedAs("evidence.added")
public record EvidenceAdded(WorkspaceId workspaceId, UUID evidenceId, String kind, String title, String sha256, long ledgerSeq,
                            String actor, java.util.List<String> controls) implements EvidenceEvent {

    @Override
    public String target() {
        return "evidence:" + evidenceId;
    }

    @Override
    public String summary() {
        return kind + " '" + title + "' (sha256 " + sha256.substring(0, 12) + "…, ledger #" + ledgerSeq + ")";
    }
}
