package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.identity.WorkspaceId;
import dev.attest.crypto.CheckpointWitness;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The ledger's newest checkpoint as kept outside the database (see {@link CheckpointWitness}). */
@Component
@RequiredArgsConstructor
class LedgerWitness {

    private static final String KIND = "ledger";

    private final CheckpointWitness witness;

    Optional<LedgerCheckpoint> read(WorkspaceId workspace) {
        return witness.read(KIND, workspace.value()).map(f -> new LedgerCheckpoint(workspace.toString(), Long.parseLong(f.get(0)),
                f.get(1), f.get(2), f.get(3), f.get(4)));
    }

    void recordAfterCommit(LedgerCheckpoint checkpoint) {
        witness.recordAfterCommit(KIND, java.util.UUID.fromString(checkpoint.workspace()), List.of(Long.toString(checkpoint.count()),
                checkpoint.hash(), checkpoint.time(), checkpoint.keyId(), checkpoint.signature()));
    }
}
