package dev.attest.crypto;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The arguments of the offline verifiers ({@code verify-ledger} and {@code verify-audit-log}):
 * {@code EXPORT --key FINGERPRINT|BASE64_KEY ... [--checkpoint FILE]...}. The key comes from the operator or the
 * page that shows it, never from the export: keys an export lists prove nothing against someone who can
 * write the database. Also the key rules both chains share (a key's fingerprint is the SHA-256 of its X.509
 * encoding, its id the first 16 hex digits of that).
 *
 * @param export       the export file
 * @param fingerprints the pinned fingerprints (lowercase hex); empty when no key was given
 * @param keys         pinned keys given whole (Base64), by key id
 * @param checkpoints  the earlier checkpoints given, each with the file it came from
 */
public record OfflineVerifierArguments<T>(Path export, Set<String> fingerprints, Map<String, PublicKey> keys, List<Given<T>> checkpoints) {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An earlier checkpoint and the file it was read from, for messages. */
    public record Given<T>(T checkpoint, String file) {
    }

    /**
     * Reads the arguments; a usage problem or a checkpoint file that is not a checkpoint is an
     * {@link IllegalArgumentException} with one sentence, a missing file a {@link java.nio.file.NoSuchFileException}.
     */
    public static <T> OfflineVerifierArguments<T> parse(String[] args, CheckpointFields.Maker<T> maker) throws IOException {
        String export = null;
        Set<String> fingerprints = new LinkedHashSet<>();
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        List<Given<T>> checkpoints = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--key") || arg.equals("--checkpoint")) && i + 1 == args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            if (arg.equals("--key")) {
                String value = args[++i].strip();
                if (FINGERPRINT.matcher(value).matches()) {
                    fingerprints.add(value.toLowerCase(Locale.ROOT));
                } else {
                    PublicKey key = publicKey(value);
                    fingerprints.add(fingerprint(key));
                    keys.put(keyId(key), key);
                }
            } else if (arg.equals("--checkpoint")) {
                String file = args[++i];
                for (T checkpoint : checkpoints(Path.of(file), maker)) {
                    checkpoints.add(new Given<>(checkpoint, file));
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
        return new OfflineVerifierArguments<>(Path.of(export), fingerprints, keys, checkpoints);
    }

    public boolean pinned() {
        return !fingerprints.isEmpty();
    }

    /** One checkpoint (an object) or several (an array), as the API and the Trust Center give them. */
    private static <T> List<T> checkpoints(Path file, CheckpointFields.Maker<T> maker) throws IOException {
        JsonNode json;
        try {
            json = JSON.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not a checkpoint in JSON: " + e.getOriginalMessage());
        }
        List<T> checkpoints = new ArrayList<>();
        for (JsonNode node : json.isArray() ? json : List.of(json)) {
            JsonNode count = node.path("count");
            long n = count.canConvertToExactIntegral() ? count.asLong() : 0;
            String workspace = text(node, "workspace");
            String hash = text(node, "hash");
            String time = text(node, "time");
            String keyId = text(node, "keyId");
            String signature = text(node, "signature");
            Map<String, String> problems = CheckpointFields.problems(workspace, n, hash, time, keyId, signature);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(file + " is not a valid checkpoint: " + problems);
            }
            checkpoints.add(maker.make(workspace, n, hash, time, keyId, signature));
        }
        return checkpoints;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** An Ed25519 public key from its X.509 encoding in Base64. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The SHA-256 (hex) of the key's X.509 encoding: what auditors pin. */
    public static String fingerprint(PublicKey key) {
        return Digests.sha256Hex(key.getEncoded());
    }

    /** A key's id: the first 16 hex digits of its fingerprint. */
    public static String keyId(PublicKey key) {
        return fingerprint(key).substring(0, 16);
    }
}
