package dev.attest.catalog.internal;

import dev.attest.catalog.OscalDocumentException;
import dev.attest.catalog.OscalSchemas.Model;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * OSCAL JSON documents against the OSCAL 1.1.3 JSON schemas (draft 07) that liboscal-java carries, with everit; a
 * catalog is checked a part at a time ({@link OscalCatalogStream}). Schemas are compiled once and kept.
 */
public final class OscalJsonSchemas {

    private static final Map<Model, org.everit.json.schema.Schema> JSON_SCHEMA = new ConcurrentHashMap<>();

    private OscalJsonSchemas() {
    }

    /** The top-level property names (the optional $schema left out), read with a streaming parser that skips their values. */
    public static List<String> roots(byte[] document, String where) {
        List<String> roots = new ArrayList<>();
        try (tools.jackson.core.JsonParser parser = tools.jackson.databind.json.JsonMapper.builder().build().createParser(document)) {
            if (parser.nextToken() != tools.jackson.core.JsonToken.START_OBJECT) {
                throw new OscalDocumentException(where, "json-syntax", "is not a JSON object");
            }
            while (parser.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                parser.skipChildren();
                if (!"$schema".equals(name)) {
                    roots.add(name);
                }
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new OscalDocumentException(where, "json-syntax", "is not well-formed JSON: " + e.getOriginalMessage());
        }
        return roots;
    }

    private static JSONObject parseJson(byte[] document, String where) {
        try {
            return new JSONObject(new JSONTokener(new InputStreamReader(new ByteArrayInputStream(document), StandardCharsets.UTF_8)));
        } catch (JSONException e) {
            throw new OscalDocumentException(where, "json-syntax", "is not well-formed JSON: " + e.getMessage());
        }
    }

    public static void validate(byte[] document, Model model, String where) {
        if (model == Model.CATALOG) {
            OscalCatalogStream.validate(document, where);
            return;
        }
        JSONObject object = parseJson(document, where);
        org.everit.json.schema.Schema schema = JSON_SCHEMA.computeIfAbsent(model, OscalJsonSchemas::loadJsonSchema);
        try {
            schema.validate(object);
        } catch (ValidationException e) {
            throw violation(e, model.root(), pointer -> where + (pointer == null ? "#" : pointer));
        }
    }

    private static org.everit.json.schema.Schema loadJsonSchema(Model model) {
        try (InputStream in = resource("/schema/json/oscal-" + model.schema() + "_schema.json")) {
            return SchemaLoader.builder().schemaJson(new JSONObject(new JSONTokener(new InputStreamReader(in, StandardCharsets.UTF_8))))
                    .draftV7Support().build().load().build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OSCAL JSON schema for " + model.root(), e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = OscalJsonSchemas.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the classpath (liboscal-java carries it)");
        }
        return in;
    }

    /**
     * The first violation the validator found, as an {@link OscalDocumentException} naming its place, its keyword and how many
     * more there are; {@code place} turns the violation's JSON pointer (null when it has none) into the path reported.
     */
    static OscalDocumentException violation(ValidationException e, String model, UnaryOperator<String> place) {
        ValidationException first = e;
        while (!first.getCausingExceptions().isEmpty()) {
            first = first.getCausingExceptions().get(0);
        }
        int more = e.getViolationCount() - 1;
        return new OscalDocumentException(place.apply(first.getPointerToViolation()), first.getKeyword() == null ? "schema" : first.getKeyword(),
                "invalid against the OSCAL 1.1.3 " + model + " JSON schema: " + first.getErrorMessage()
                        + (more > 0 ? " (and " + more + " more)" : ""));
    }
}
