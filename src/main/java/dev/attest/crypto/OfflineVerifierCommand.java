package dev.attest.crypto;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;

/**
 * The run both offline verifiers share ({@code verify-ledger} and {@code verify-audit-log}): read the arguments,
 * check the export, refuse an export that is only consistent because no key was pinned, and print one line.
 * Exit status 0 when the export verifies, 1 when it does not, 2 when the arguments or a file cannot be read.
 */
public final class OfflineVerifierCommand {

    /** What the check found: whether the export is consistent, and the sentence that says why. */
    public record Verdict(boolean consistent, String message) {
    }

    /** Checks the export the arguments name against their keys and checkpoints. */
    public interface ExportCheck<T> {
        Verdict check(OfflineVerifierArguments<T> given) throws IOException;
    }

    private OfflineVerifierCommand() {
    }

    /**
     * Runs the command and returns its exit status.
     *
     * @param usage        the command's usage line, printed after a bad argument
     * @param unpinnedHint why a consistent export proves nothing without a pinned key, and where the fingerprint is shown
     */
    public static <T> int run(String[] args, PrintStream out, String usage, CheckpointFields.Maker<T> maker, String unpinnedHint,
                              ExportCheck<T> check) {
        OfflineVerifierArguments<T> given;
        try {
            given = OfflineVerifierArguments.parse(args, maker);
        } catch (NoSuchFileException e) {
            out.println("cannot read " + e.getFile() + ": no such file");
            return 2;
        } catch (IOException | RuntimeException e) {
            out.println(e.getMessage());
            out.println(usage);
            return 2;
        }
        Verdict verdict;
        try {
            verdict = check.check(given);
        } catch (NoSuchFileException e) {
            out.println("cannot read " + given.export() + ": no such file");
            return 2;
        } catch (IOException | RuntimeException e) {
            out.println("cannot read " + given.export() + ": " + e.getMessage());
            return 2;
        }
        if (verdict.consistent() && !given.pinned()) {
            out.println("FAILED: the export is consistent (" + verdict.message() + "), but no key was pinned, and " + unpinnedHint);
            return 1;
        }
        out.println((verdict.consistent() ? "OK: " : "FAILED: ") + verdict.message());
        return verdict.consistent() ? 0 : 1;
    }
}
