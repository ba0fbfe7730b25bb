package dev.attest.oscal.internal;

import dev.attest.catalog.OscalSchemas;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What every OSCAL 1.1.3 document Attest exports shares: its metadata, the person parties, Markdown
 * escaping, control-ids made from refs, and identifiers derived from Attest's own ids. Those are
 * name-based (UUID v5), so that the same subject keeps its UUID from one export to the next.
 */
final class OscalDocuments {

    static final String NS = "https://attest.dev/ns/oscal";
    static final String OSCAL_VERSION = "1.1.3";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NOT_TOKEN = Pattern.compile("[^A-Za-z0-9._-]");

    private OscalDocuments() {
    }

    /** A document ready to send: the JSON text, or its XML form. */
    static String serialise(ObjectNode document, OscalSchemas.Model model, OscalSchemas.Format format) {
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        return format == OscalSchemas.Format.JSON ? json : OscalFormats.toXml(json, model);
    }

    /** The control-id an OSCAL document uses for a requirement: its ref when that is a token, else a token made from it. */
    static String controlId(String ref) {
        String token = NOT_TOKEN.matcher(ref).replaceAll("_");
        return Character.isLetter(token.charAt(0)) || token.charAt(0) == '_' ? token : "r" + token;
    }

    static ObjectNode metadata(String title, Instant now) {
        ObjectNode metadata = NODES.objectNode();
        metadata.put("title", md(title));
        metadata.put("last-modified", now.toString());
        metadata.put("version", now.toString());
        metadata.put("oscal-version", OSCAL_VERSION);
        return metadata;
    }

    /** A person party named by email; the address is listed only when the schema's email format accepts it. */
    static void person(ArrayNode parties, String id, String email) {
        ObjectNode party = parties.addObject().put("uuid", id).put("type", "person").put("name", md(email));
        if (OscalSchemas.acceptsEmail(email)) {
            party.putArray("email-addresses").add(email);
        }
    }

    static ObjectNode wrap(String root, ObjectNode body) {
        ObjectNode document = NODES.objectNode();
        document.set(root, body);
        return document;
    }

    /** Text for an OSCAL markup field: Markdown's own characters escaped, so names and notes read as written. */
    static String md(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]{}<>#|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A name-based UUID (version 5, SHA-1) in Attest's namespace: the same parts give the same UUID every time. */
    static String uuid(String... parts) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(("attest:" + String.join("\u0000", parts)).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long most = 0;
            long least = 0;
            for (int i = 0; i < 8; i++) {
                most = (most << 8) | (hash[i] & 0xff);
                least = (least << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(most, least).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
