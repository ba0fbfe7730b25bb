package dev.attest.audits;

import dev.attest.audits.internal.PackageCheck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The offline check of an audit package, run without the application or its database:
 * {@code java -jar attest.jar verify-package FILE [--key FINGERPRINT]}. Exit status 0 when every file matches
 * its manifest entry and ledger entry, the ledger segment verifies and extends the package's signed
 * checkpoint (signed by the pinned key, when given) and every sample re-draws; 1 naming the first file
 * that does not match; 2 when the file cannot be read.
 */
public final class AuditPackageVerifier {

    private AuditPackageVerifier() {
    }

    /** Runs the command and returns its exit status. */
    public static int run(String[] args, PrintStream out) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        String file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--key") && i + 1 < args.length && args[i + 1].strip().matches("[0-9a-fA-F]{64}")) {
                keys.add(args[++i].strip().toLowerCase(java.util.Locale.ROOT));
            } else if (file == null && !args[i].startsWith("--")) {
                file = args[i];
            } else {
                file = null;
                break;
            }
        }
        if (file == null) {
            out.println("usage: java -jar attest.jar verify-package FILE [--key FINGERPRINT]... (the evidence ledger key's SHA-256 "
                    + "fingerprint, 64 hex digits)");
            return 2;
        }
        args = new String[]{file};
        try {
            PackageCheck.Result result = PackageCheck.verify(Path.of(args[0]), keys);
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
