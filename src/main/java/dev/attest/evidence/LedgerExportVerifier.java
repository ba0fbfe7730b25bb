package dev.attest.evidence;

import dev.attest.evidence.internal.LedgerFormat;
import dev.attest.evidence.internal.VerificationPolicy;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{64}");
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private LedgerExportVerifier() {
    }

    /** Checks consistency only, trusting the keys the export lists. */
    public static LedgerVerification verify(Path export) throws IOException {
        return verify(export, VerificationPolicy.unpinned());
    }

    static LedgerVerification verify(Path export, VerificationPolicy policy) throws IOException {
        try (InputStream in = Files.newInputStream(export)) {
            return LedgerFormat.verify(in, policy);
        }
    }

    /** Runs the command and returns its exit status. */
    public static int run(String[] args, PrintStream out) {
        String export = null;
        Set<String> fingerprints = new HashSet<>();
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        List<VerificationPolicy.Anchor> anchors = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if ((arg.equals("--key") || arg.equals("--checkpoint")) && i + 1 == args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                if (arg.equals("--key")) {
                    String value = args[++i].strip();
                    if (FINGERPRINT.matcher(value).matches()) {
                        fingerprints.add(value.toLowerCase(java.util.Locale.ROOT));
                    } else {
                        PublicKey key = LedgerFormat.publicKey(value);
                        fingerprints.add(LedgerFormat.fingerprint(key));
                        keys.put(LedgerFormat.keyId(key), key);
                    }
                } else if (arg.equals("--checkpoint")) {
                    String file = args[++i];
                    for (LedgerCheckpoint checkpoint : checkpoints(Path.of(file))) {
                        anchors.add(new VerificationPolicy.Anchor(checkpoint, "the earlier checkpoint in " + file));
                    }
                } else if (arg.startsWith("--") || export != null) {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                } else {
                    export = arg;
                }
            }
            if (export == null) {
                throw new IllegalArgumentException("name the export file");
            }
        } catch (NoSuchFileException e) {
            out.println("cannot read " + e.getFile() + ": no such file");
            return 2;
        } catch (IOException | RuntimeException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        try {
            boolean pinned = !fingerprints.isEmpty();
            LedgerVerification result = verify(Path.of(export), new VerificationPolicy(pinned ? fingerprints : null, keys, anchors, null, null));
            if (result.valid() && !pinned) {
                out.println("FAILED: the export is consistent (" + result.message() + "), but no key was pinned, and the keys an export "
                        + "lists prove nothing: run again with --key and the fingerprint shown on the evidence page");
                return 1;
            }
            out.println((result.valid() ? "OK: " : "FAILED: ") + result.message());
            return result.valid() ? 0 : 1;
        } catch (NoSuchFileException e) {
            out.println("cannot read " + export + ": no such file");
            return 2;
        } catch (IOException | RuntimeException e) {
            out.println("cannot read " + export + ": " + e.getMessage());
            return 2;
        }
    }

    /** One checkpoint (an object) or several (an array), as the API and the Trust Center give them. */
    private static List<LedgerCheckpoint> checkpoints(Path file) throws IOException {
        JsonNode json;
        try {
            json = JSON.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not a checkpoint in JSON: " + e.getOriginalMessage());
        }
        List<LedgerCheckpoint> checkpoints = new ArrayList<>();
        for (JsonNode node : json.isArray() ? json : List.of(json)) {
            LedgerCheckpoint checkpoint;
            try {
                checkpoint = JSON.treeToValue(node, LedgerCheckpoint.class);
            } catch (JacksonException e) {
                throw new IllegalArgumentException(file + " is not a checkpoint in JSON: " + e.getOriginalMessage());
            }
            Map<String, String> problems = checkpoint.invalidFields();
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(file + " is not a valid checkpoint: " + problems);
            }
            checkpoints.add(checkpoint);
        }
        return checkpoints;
    }
}
