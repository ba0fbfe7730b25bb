package dev.attest.auditlog;

import dev.attest.auditlog.internal.AuditTrailExport;
import dev.attest.crypto.OfflineVerifierCommand;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;

/**
 * The offline check an auditor runs on an audit-trail export ({@code GET /api/v1/audit-log/export?format=chain})
 * without the application or its database: {@code java -jar attest.jar verify-audit-log EXPORT --key FINGERPRINT
 * [--checkpoint FILE]...}, as {@code verify-ledger} does for the evidence ledger. The key's fingerprint comes from
 * the audit-log page or {@code GET /api/v1/audit-log/key}; each {@code --checkpoint} is a checkpoint kept earlier
 * ({@code GET /api/v1/audit-log/checkpoint}) that the trail must still extend. Exit status 0 when the trail
 * verifies, 1 when it does not (naming the first entry or line that does not match), 2 when the arguments or a
 * file cannot be read.
 */
public final class AuditTrailExportVerifier {

    static final String USAGE = "usage: java -jar attest.jar verify-audit-log EXPORT --key FINGERPRINT [--key FINGERPRINT]... "
            + "[--checkpoint CHECKPOINT.json]...";

    private AuditTrailExportVerifier() {
    }

    /** Runs the command and returns its exit status. */
    public static int run(String[] args, PrintStream out) {
        return OfflineVerifierCommand.run(args, out, USAGE, AuditCheckpoint::new,
                "the key an export names proves nothing: run again with --key and the fingerprint shown on the audit-log page",
                given -> {
                    try (InputStream in = Files.newInputStream(given.export())) {
                        AuditTrailExport.Result result = AuditTrailExport.verify(in, given.fingerprints(), given.checkpoints());
                        return new OfflineVerifierCommand.Verdict(result.consistent(), result.message());
                    } catch (CharacterCodingException e) {
                        return new OfflineVerifierCommand.Verdict(false, "the export is not UTF-8 text: it was altered");
                    }
                });
    }
}
