package dev.attest.audits;

import dev.attest.audits.internal.PackageCheck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The offline check of an audit package, run without the application or its database:
 * {@code java -jar attest.jar verify-package FILE}. Exit status 0 when every file matches its
 * manifest entry and ledger entry, the ledger verifies and every sample re-draws; 1 naming the
 * first file that does not match; 2 when the file cannot be read.
 */
public final class AuditPackageVerifier {

    private AuditPackageVerifier() {
    }

    /** Runs the command and returns its exit status. */
    public static int run(String[] args, PrintStream out) {
        if (args.length != 1) {
            out.println("usage: java -jar attest.jar verify-package FILE");
            return 2;
        }
        try {
            PackageCheck.Result result = PackageCheck.verify(Path.of(args[0]));
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
