package dev.attest.catalog.internal;

import dev.attest.catalog.OscalDocumentException;

import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates an OSCAL JSON catalog against the OSCAL 1.1.3 catalog JSON schema while streaming it
 * with Jackson's parser: the catalog's own fields, each group and each control are checked one at a
 * time against their definitions of the schema ({@code AssemblyOscalCatalogCatalogType}, {@code
 * ...GroupType}, {@code ...ControlType}), with their nested groups and controls taken out and
 * checked on their own. So memory holds one control at a time, and a group's subtree is not checked
 * once per branch of the schema's {@code anyOf} (which made a whole-tree check of 10,000 controls
 * take most of an import). The one rule that spans a group and its children, that a group holds
 * either groups or controls, is checked here with the schema's keyword.
 */
final class OscalCatalogStream {

    /** Reads one value of a larger document at a time, so what follows it is not an error here. */
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Map<String, Schema> DEFINITIONS = new ConcurrentHashMap<>();

    private enum Kind {
        CATALOG("AssemblyOscalCatalogCatalogType"), GROUP("AssemblyOscalCatalogGroupType"), CONTROL("AssemblyOscalCatalogControlType");

        private final String definition;

        Kind(String definition) {
            this.definition = definition;
        }
    }

    private OscalCatalogStream() {
    }

    /** Validates the whole document, a part at a time; throws naming the JSON pointer and the schema keyword. */
    static void validate(byte[] document, String where) {
        try (JsonParser parser = JSON.createParser(document)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new OscalDocumentException(where + "#", "type", "invalid against the OSCAL 1.1.3 catalog JSON schema: expected an object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("catalog".equals(name) && value == JsonToken.START_OBJECT) {
                    assembly(parser, where, "/catalog", Kind.CATALOG);
                } else if ("$schema".equals(name) && value == JsonToken.VALUE_STRING) {
                    parser.skipChildren();
                } else {
                    throw new OscalDocumentException(where + "#/" + name, "additionalProperties", "invalid against the OSCAL 1.1.3 "
                            + "catalog JSON schema: only catalog (an object) and $schema (a string) may stand at the top");
                }
            }
        } catch (JacksonException e) {
            throw new OscalDocumentException(where, "json-syntax", "is not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads the object the parser is on up to its end; nested groups and controls are validated as they come, then the rest. */
    private static void assembly(JsonParser parser, String where, String pointer, Kind kind) {
        JSONObject own = new JSONObject();
        int groups = 0;
        int controls = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            boolean nested = ("groups".equals(name) && kind != Kind.CONTROL) || "controls".equals(name);
            if (nested && value == JsonToken.START_ARRAY) {
                int count = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    String at = pointer + "/" + name + "/" + count;
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        throw new OscalDocumentException(where + "#" + at, "type", "invalid against the OSCAL 1.1.3 catalog JSON schema: "
                                + "expected type: JSONObject, found: " + parser.currentToken());
                    }
                    assembly(parser, where, at, "groups".equals(name) ? Kind.GROUP : Kind.CONTROL);
                    count++;
                }
                if (count == 0) {
                    own.put(name, new JSONArray()); // left in, so that the schema's minItems names it
                }
                if ("groups".equals(name)) {
                    groups += Math.max(count, 1);
                } else {
                    controls += Math.max(count, 1);
                }
            } else {
                own.put(name, value(parser));
            }
        }
        if (kind == Kind.GROUP && groups > 0 && controls > 0) {
            throw new OscalDocumentException(where + "#" + pointer, "anyOf", "invalid against the OSCAL 1.1.3 catalog JSON schema: "
                    + "a group holds either groups or controls, not both");
        }
        check(own, kind, where, pointer);
    }

    /** The value the parser is on, read straight into the validator's JSON model (no intermediate tree). */
    private static Object value(JsonParser parser) {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                JSONObject object = new JSONObject();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                JSONArray array = new JSONArray();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.put(value(parser));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> JSONObject.NULL;
        };
    }

    private static void check(JSONObject node, Kind kind, String where, String pointer) {
        Schema schema = DEFINITIONS.computeIfAbsent(kind.definition, OscalCatalogStream::load);
        try {
            schema.validate(new JSONObject().put("part", node));
        } catch (ValidationException e) {
            throw OscalJsonSchemas.violation(e, "catalog", inner -> where + "#" + pointer + (inner == null ? "" : inner.replaceFirst("^#/part", "")));
        }
    }

    /** The catalog schema with its root replaced by one property, {@code part}, of the given definition: refs resolve as in the whole schema. */
    private static Schema load(String definition) {
        try (InputStream in = OscalCatalogStream.class.getResourceAsStream("/schema/json/oscal-catalog_schema.json")) {
            if (in == null) {
                throw new IllegalStateException("/schema/json/oscal-catalog_schema.json is missing from the classpath (liboscal-java carries it)");
            }
            JSONObject root = new JSONObject(new JSONTokener(new InputStreamReader(in, StandardCharsets.UTF_8)));
            if (!root.getJSONObject("definitions").has(definition)) {
                throw new IllegalStateException("the OSCAL catalog schema has no definition " + definition);
            }
            root.put("properties", new JSONObject().put("part", new JSONObject().put("$ref", "#/definitions/" + definition)));
            root.put("required", new JSONArray().put("part"));
            return SchemaLoader.builder().schemaJson(root).draftV7Support().build().load().build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OSCAL JSON catalog schema", e);
        }
    }
}
