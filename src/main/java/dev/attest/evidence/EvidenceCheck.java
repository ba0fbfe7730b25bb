package dev.attest.evidence;

import dev.attest.identity.WorkspaceId;
import dev.attest.evidence.internal.Ledger;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/**
 * Checks a database against the evidence store, as after a restore or a storage migration: every
 * workspace's ledger verifies (chain, signed checkpoints) and every entry's content is in the store.
 */
@Service
@RequiredArgsConstructor
public class EvidenceCheck {

    private final EvidenceLocker evidence;
    private final Ledger ledger;

    /** Verifies every workspace's ledger, printing one line each; true when all verify. */
    public boolean verifyAll(PrintStream out) {
        List<UUID> workspaces = ledger.workspaces();
        boolean valid = true;
        for (UUID workspace : workspaces) {
            LedgerVerification result = evidence.verifyLedger(new WorkspaceId(workspace));
            out.println((result.valid() ? "ok      " : "FAILED  ") + "workspace " + workspace + ": " + result.entries() + " entries, "
                    + result.checkpoints() + " checkpoints" + (result.valid() ? "" : ", " + result.message()));
            valid &= result.valid();
        }
        out.println(valid ? "Every ledger verifies and every entry's content is in the evidence store."
                : "Verification FAILED: see the lines above.");
        return valid;
    }
}
