package dev.attest.auditlog;

import dev.attest.auditlog.internal.AuditTrailExport;
import dev.attest.crypto.OfflineVerifierArguments;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

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
        OfflineVerifierArguments<AuditCheckpoint> given;
        try {
            given = OfflineVerifierArguments.parse(args, AuditCheckpoint::new);
        } catch (NoSuchFileException e) {
            out.println("cannot read " + e.getFile() + ": no such file");
            return 2;
        } catch (IOException | RuntimeException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        AuditTrailExport.Result result;
        try (InputStream in = Files.newInputStream(given.export())) {
            result = AuditTrailExport.verify(in, given.fingerprints(), given.checkpoints());
        } catch (NoSuchFileException e) {
            out.println("cannot read " + given.export() + ": no such file");
            return 2;
        } catch (CharacterCodingException e) {
            out.println("FAILED: the export is not UTF-8 text: it was altered");
            return 1;
        } catch (IOException | RuntimeException e) {
            out.println("cannot read " + given.export() + ": " + e.getMessage());
            return 2;
        }
        if (result.consistent() && !given.pinned()) {
            out.println("FAILED: the export is consistent (" + result.message() + "), but no key was pinned, and the key an export "
                    + "names proves nothing: run again with --key and the fingerprint shown on the audit-log page");
            return 1;
        }
        out.println((result.consistent() ? "OK: " : "FAILED: ") + result.message());
        return result.consistent() ? 0 : 1;
    }
}
