package dev.attest.crypto;

import dev.attest.web.InvalidFieldException;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks the fields of a signed checkpoint someone hands back to a verifier (the evidence ledger's and the
 * audit trail's share one shape: workspace, count, hash, time, keyId, signature).
 */
public final class CheckpointFields {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{16}");

    /** At most this many checkpoints are handed in at a time. */
    public static final int MAX = 100;

    private CheckpointFields() {
    }

    /** Makes the module's own checkpoint record from checked fields. */
    public interface Maker<T> {
        T make(String workspace, long count, String hash, String time, String keyId, String signature);
    }

    /**
     * The checkpoints a verification request hands in (one object, or an array of up to {@link #MAX}); none
     * when the body is empty. Bad fields, or another workspace's checkpoint, are a 400 naming the field
     * ({@code hash}, or {@code [2].hash} in an array).
     */
    public static <T> List<T> read(JsonNode body, String workspace, Maker<T> maker) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return List.of();
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(nodes::add);
        } else {
            nodes.add(body);
        }
        if (nodes.size() > MAX) {
            throw new InvalidFieldException("checkpoints", "at most " + MAX + " checkpoints at a time");
        }
        List<T> checkpoints = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String prefix = body.isArray() ? "[" + i + "]." : "";
            if (!node.isObject()) {
                errors.put(prefix.isEmpty() ? "checkpoint" : "[" + i + "]", "must be a checkpoint object");
                continue;
            }
            JsonNode count = node.path("count");
            long n = count.canConvertToExactIntegral() ? count.asLong() : 0;
            String id = text(node, "workspace");
            problems(id, n, text(node, "hash"), text(node, "time"), text(node, "keyId"), text(node, "signature"))
                    .forEach((field, problem) -> errors.put(prefix + field, problem));
            if (!errors.containsKey(prefix + "workspace") && !id.equals(workspace)) {
                errors.put(prefix + "workspace", "is another workspace's checkpoint");
            }
            checkpoints.add(maker.make(id, n, text(node, "hash"), text(node, "time"), text(node, "keyId"), text(node, "signature")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return checkpoints;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** What is wrong, by field name; empty when the checkpoint is well formed. */
    public static Map<String, String> problems(String workspace, long count, String hash, String time, String keyId, String signature) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            UUID.fromString(workspace == null ? "" : workspace);
        } catch (IllegalArgumentException e) {
            errors.put("workspace", "must be the workspace's id");
        }
        if (count < 1) {
            errors.put("count", "must be the number of entries the checkpoint covers (at least 1)");
        }
        if (hash == null || !HEX64.matcher(hash).matches()) {
            errors.put("hash", "must be 64 lowercase hex digits");
        }
        try {
            Instant.parse(time == null ? "" : time);
        } catch (DateTimeParseException e) {
            errors.put("time", "must be the ISO-8601 instant the checkpoint was signed at");
        }
        if (keyId == null || !HEX16.matcher(keyId).matches()) {
            errors.put("keyId", "must be 16 lowercase hex digits");
        }
        try {
            if (signature == null || Base64.getDecoder().decode(signature).length != 64) {
                errors.put("signature", "must be an Ed25519 signature in Base64 (64 bytes)");
            }
        } catch (IllegalArgumentException e) {
            errors.put("signature", "must be an Ed25519 signature in Base64 (64 bytes)");
        }
        return errors;
    }
}
