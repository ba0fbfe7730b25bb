package dev.attest.auditlog.internal;

import dev.attest.auditlog.AuditCheckpoint;
import dev.attest.auditlog.AuditEntry;
import dev.attest.crypto.OfflineVerifierArguments;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The audit trail's verifiable export ({@code GET /api/v1/audit-log/export?format=chain}) and its offline
 * check. JSON Lines, UTF-8, one object a line:
 * <pre>
 * {"format":"attest-audit-trail","version":1,"workspace":UUID,"exportedAt":INSTANT,"checkpointInterval":DURATION,
 *  "keyId":HEX16,"publicKey":BASE64 (X.509 Ed25519)}
 * {"checkpoint":{workspace,count,hash,time,keyId,signature}}   every signed checkpoint, oldest first
 * {"entry":{seq,occurredAt,actor,action,target,summary,address,userAgent,previousHash,hash}}   every entry, oldest first
 * {"end":{"entries":N}}
 * </pre>
 * The key in the first line only says which key signed; a verifier trusts it only when the auditor pins its
 * fingerprint. The closing line tells an export cut short in transit from a whole one; a trail cut short
 * in the database is caught by the checkpoints, as online.
 */
public final class AuditTrailExport {

    static final String FORMAT = "attest-audit-trail";

    private AuditTrailExport() {
    }

    /** Writes the whole trail of a chain, checkpoints first, so that the verifier knows them before it walks the entries. */
    static void write(Writer out, JsonMapper json, UUID chain, AuditStore store, AuditCheckpoints checkpoints, Instant now) throws IOException {
        ObjectNode header = json.createObjectNode();
        header.put("format", FORMAT);
        header.put("version", 1);
        header.put("workspace", chain.toString());
        header.put("exportedAt", now.toString());
        header.put("checkpointInterval", checkpoints.interval().toString());
        header.put("keyId", checkpoints.keyId(chain));
        header.put("publicKey", Base64.getEncoder().encodeToString(checkpoints.publicKey(chain).getEncoded()));
        line(out, json, header);
        for (AuditCheckpoint checkpoint : checkpoints.stored(chain)) {
            line(out, json, json.createObjectNode().set("checkpoint", json.valueToTree(checkpoint)));
        }
        long[] entries = {0};
        store.each(new dev.attest.identity.WorkspaceId(chain), dev.attest.auditlog.AuditFilter.none(), e -> {
            try {
                line(out, json, json.createObjectNode().set("entry", json.valueToTree(e)));
                entries[0]++;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        line(out, json, json.createObjectNode().set("end", json.createObjectNode().put("entries", entries[0])));
    }

    private static void line(Writer out, JsonMapper json, JsonNode node) throws IOException {
        out.write(json.writeValueAsString(node));
        out.write('\n');
    }

    /**
     * What the offline check found.
     *
     * @param consistent the export is whole and its chain and checkpoints agree with the key it names
     * @param pinned     the key that signed its checkpoints is one the auditor pinned
     */
    public record Result(boolean consistent, boolean pinned, String message) {
    }

    /**
     * Checks an export against the pinned keys (fingerprints or whole keys) and earlier checkpoints, judging
     * the head's freshness at the export's own time; names the first entry or line that does not match.
     */
    public static Result verify(InputStream in, Set<String> pinnedFingerprints, List<OfflineVerifierArguments.Given<AuditCheckpoint>> earlier)
            throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        String first = lines.readLine();
        JsonNode header = first == null ? null : tree(json, first);
        if (header == null || !FORMAT.equals(header.path("format").asString(null))) {
            return failed("not an Attest audit-trail export (its first line must name the format \"" + FORMAT
                    + "\"; export with GET /api/v1/audit-log/export?format=chain)");
        }
        UUID chain;
        Instant exportedAt;
        Duration interval;
        PublicKey key;
        try {
            chain = UUID.fromString(header.path("workspace").asString(""));
            exportedAt = Instant.parse(header.path("exportedAt").asString(""));
            interval = Duration.parse(header.path("checkpointInterval").asString(""));
            key = OfflineVerifierArguments.publicKey(header.path("publicKey").asString(""));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return failed("line 1, the export's header, is damaged: " + e.getMessage());
        }
        String fingerprint = OfflineVerifierArguments.fingerprint(key);
        String keyId = OfflineVerifierArguments.keyId(key);
        boolean pinned = pinnedFingerprints.contains(fingerprint);
        if (!pinnedFingerprints.isEmpty() && !pinned) {
            return failed("the export's checkpoints are signed by key " + keyId + " (fingerprint " + fingerprint
                    + "), which is not the pinned key: they prove nothing");
        }
        List<AuditCheckpoint> stored = new ArrayList<>();
        List<AuditChain.Anchor> anchors = earlier.stream()
                .map(g -> new AuditChain.Anchor(g.checkpoint(), "the earlier checkpoint in " + g.file())).toList();
        AuditChain.Walk walk = null;
        long closingCount = -1;
        int lineNo = 1;
        String line;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (closingCount >= 0) {
                return failed("line " + lineNo + " comes after the export's closing line: the export was altered");
            }
            JsonNode node = tree(json, line);
            if (node == null) {
                return failed("line " + lineNo + " is not a JSON object" + after(walk) + ": the export was cut short or altered");
            }
            try {
                if (node.has("checkpoint")) {
                    if (walk != null) {
                        return failed("line " + lineNo + ": a checkpoint after the entries; the export was altered");
                    }
                    stored.add(json.treeToValue(node.get("checkpoint"), AuditCheckpoint.class));
                } else if (node.has("entry")) {
                    if (walk == null) {
                        walk = new AuditChain.Walk(chain, named(stored, anchors), stored.isEmpty() ? 0 : stored.get(stored.size() - 1).count());
                    }
                    AuditEntry entry = json.treeToValue(node.get("entry"), AuditEntry.class);
                    if (entry.occurredAt() == null || entry.previousHash() == null || entry.hash() == null) {
                        return failed("line " + lineNo + " is an entry without its time or hashes: the export was altered");
                    }
                    walk.accept(entry);
                } else if (node.has("end")) {
                    closingCount = node.get("end").path("entries").asLong(-1);
                } else {
                    return failed("line " + lineNo + " is neither a checkpoint, an entry nor the closing line");
                }
            } catch (JacksonException e) {
                return failed("line " + lineNo + " is damaged: " + e.getOriginalMessage());
            }
        }
        if (walk == null) {
            walk = new AuditChain.Walk(chain, named(stored, anchors), stored.isEmpty() ? 0 : stored.get(stored.size() - 1).count());
        }
        if (walk.broken() == null && closingCount < 0) {
            return failed("the export ends at line " + lineNo + " without its closing line" + after(walk) + ": the file was cut short");
        }
        if (walk.broken() == null && closingCount != walk.checked()) {
            return failed("the closing line counts " + closingCount + " entries, but the export holds " + walk.checked());
        }
        AuditChain.Problem problem = walk.verdict(key, keyId, fingerprint, stored, anchors, exportedAt, interval);
        if (problem != null) {
            return failed(problem.message());
        }
        return new Result(true, pinned, "audit trail verifies: " + walk.checked() + " entries, " + stored.size()
                + " signed checkpoints, head " + walk.head() + (anchors.isEmpty() ? "" : "; it extends " + anchors.stream()
                .map(a -> a.origin() + " (" + a.checkpoint().count() + " entries)").collect(java.util.stream.Collectors.joining(", "))));
    }

    private static String after(AuditChain.Walk walk) {
        return walk == null ? "" : " (after entry " + walk.checked() + ")";
    }

    private static List<Long> named(List<AuditCheckpoint> stored, List<AuditChain.Anchor> anchors) {
        List<Long> named = new ArrayList<>();
        stored.forEach(c -> named.add(c.count()));
        anchors.forEach(a -> named.add(a.checkpoint().count()));
        return named;
    }

    private static JsonNode tree(JsonMapper json, String line) {
        try {
            JsonNode node = json.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Result failed(String message) {
        return new Result(false, false, message);
    }
}
