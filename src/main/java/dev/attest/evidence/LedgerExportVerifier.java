package dev.attest.evidence;

import dev.attest.evidence.internal.LedgerFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The offline check an auditor runs on a ledger export without the application or its database:
 * {@code java -jar attest.jar verify-ledger EXPORT}. Exit status 0 when the ledger verifies, 1 when
 * it does not (naming the first entry that does not match), 2 when the file cannot be read.
 */
public final class LedgerExportVerifier {

    private LedgerExportVerifier() {
    }

    public static LedgerVerification verify(Path export) throws IOException {
        try (InputStream in = Files.newInputStream(export)) {
            return LedgerFormat.verify(in);
        }
    }

    /** Runs the command and returns its exit status. */
    public static int run(String[] args, PrintStream out) {
        if (args.length != 1) {
            out.println("usage: java -jar attest.jar verify-ledger EXPORT");
            return 2;
        }
        try {
            LedgerVerification result = verify(Path.of(args[0]));
            out.println((result.valid() ? "OK: " : "FAILED: ") + result.message());
            return result.valid() ? 0 : 1;
        } catch (NoSuchFileException e) {
            out.println("cannot read " + args[0] + ": no such file");
            return 2;
        } catch (IOException | RuntimeException e) {
            out.println("cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }
}
