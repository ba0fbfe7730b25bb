package dev.attest.evidence;

import dev.attest.evidence.internal.LedgerFormat;
import dev.attest.evidence.internal.VerificationPolicy;
import dev.attest.crypto.OfflineVerifierCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline check an auditor runs on a ledger export without the application or its database:
 * {@code java -jar attest.jar verify-ledger EXPORT --key FINGERPRINT [--checkpoint FILE]...}. The key
 * (its SHA-256 fingerprint, or the Base64 public key) comes from the evidence page, the API or the
 * operator, never from the export: the keys an export lists prove nothing against someone who can write
 * the database. Each {@code --checkpoint} is an earlier checkpoint's JSON (from an earlier export's
 * verification, an audit package or the Trust Center) that the ledger must still extend.
 * Exit status 0 when the ledger verifies, 1 when it does not (naming the first entry that does not
 * match), 2 when the arguments or a file cannot be read.
 */
public final class LedgerExportVerifier {

    static final String USAGE = "usage: java -jar attest.jar verify-ledger EXPORT --key FINGERPRINT [--key FINGERPRINT]... "
            + "[--checkpoint CHECKPOINT.json]...";

    private LedgerExportVerifier() {
    }

    /** Checks consistency only, trusting the keys the export lists. */
    public static LedgerVerification verify(Path export) throws IOException {
        return verify(export, VerificationPolicy.unpinned());
    }

    /**
     * Checks an export (or a segment of one) against pinned keys, when given, and proves it extends each checkpoint
     * given, which it must also hold.
     *
     * @param pinnedFingerprints the only keys whose checkpoints count; empty trusts the keys the export lists
     * @param origin             where the checkpoints came from, for the message ("the package's checkpoint")
     */
    public static LedgerVerification verify(Path export, Set<String> pinnedFingerprints, List<LedgerCheckpoint> extending, String origin)
            throws IOException {
        return verify(export, new VerificationPolicy(pinnedFingerprints.isEmpty() ? null : pinnedFingerprints, Map.of(),
                extending.stream().map(c -> new VerificationPolicy.Anchor(c, origin)).toList(), null, null));
    }

    static LedgerVerification verify(Path export, VerificationPolicy policy) throws IOException {
        try (InputStream in = Files.newInputStream(export)) {
            return LedgerFormat.verify(in, policy);
        }
    }

    /** Runs the command and returns its exit status. */
    public static int run(String[] args, PrintStream out) {
        return OfflineVerifierCommand.run(args, out, USAGE, LedgerCheckpoint::new,
                "the keys an export lists prove nothing: run again with --key and the fingerprint shown on the evidence page",
                given -> {
                    List<VerificationPolicy.Anchor> anchors = given.checkpoints().stream()
                            .map(c -> new VerificationPolicy.Anchor(c.checkpoint(), "the earlier checkpoint in " + c.file())).toList();
                    LedgerVerification result = verify(given.export(),
                            new VerificationPolicy(given.pinned() ? given.fingerprints() : null, given.keys(), anchors, null, null));
                    return new OfflineVerifierCommand.Verdict(result.valid(), result.message());
                });
    }
}
