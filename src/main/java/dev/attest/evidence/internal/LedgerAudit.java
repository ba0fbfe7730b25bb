package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.evidence.LedgerVerification;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What an auditor asks of the ledger: does it verify, with every entry's content still stored, and the export to check offline. */
@Service
public class LedgerAudit {

    private final Ledger ledger;
    private final EvidenceStorage storage;
    private final Path scratch;

    LedgerAudit(Ledger ledger, EvidenceStorage storage, @Value("${" + DataDirectory.PROPERTY + "}") String dataDir) {
        this.ledger = ledger;
        this.storage = storage;
        this.scratch = Path.of(dataDir);
    }

    /** The chain as the offline verifier checks it, then every entry's content is looked for in the storage. */
    public LedgerVerification verify(WorkspaceId workspace, List<LedgerCheckpoint> earlier) {
        LedgerVerification chain = ledger.verify(workspace, scratch, earlier);
        if (!chain.valid()) {
            return chain;
        }
        long[] missing = {0};
        ledger.forEachEntry(workspace, (seq, sha) -> {
            if (missing[0] == 0 && !storage.contains(sha)) {
                missing[0] = seq;
            }
        });
        if (missing[0] != 0) {
            return new LedgerVerification(false, chain.entries(), chain.checkpoints(), missing[0],
                    "entry " + missing[0] + " names content that is no longer in the evidence store");
        }
        return chain;
    }

    /** The whole ledger in the export format. */
    public void export(WorkspaceId workspace, Writer out) {
        try {
            ledger.export(workspace, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The segment an audit period needs, up to the entry {@code upTo} signs (see the facade). */
    public void exportSegment(WorkspaceId workspace, Instant periodStart, long firstNeeded, LedgerCheckpoint upTo, Writer out) {
        long from = Math.min(firstNeeded, ledger.firstSeqFrom(workspace, periodStart).orElse(upTo.count()));
        try {
            ledger.export(workspace, out, Math.max(1, Math.min(from, upTo.count())), upTo.count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
