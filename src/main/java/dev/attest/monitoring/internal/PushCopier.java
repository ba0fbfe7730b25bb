package dev.attest.monitoring.internal;

import dev.attest.web.InvalidFieldException;
import dev.attest.web.TextInput;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;

import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the resources of a push body for {@link PushBody}: copies each {@code data} object token by token
 * into one reused buffer as the compact JSON text Attest stores, and remembers the first problem met
 * (the body's shape, or a character no field takes), naming the field as the request has it.
 */
final class PushCopier {
    private final StringWriter buffer = new StringWriter(4096);
    private final JsonGenerator out = Documents.JSON.createGenerator(buffer);
    private InvalidFieldException problem;
    /** Set when a document gave a key twice: its text is then rebuilt the way a map keeps it. */
    private boolean duplicateKey;

    /** The first problem met, or null. */
    InvalidFieldException firstProblem() {
        return problem;
    }

    void problem(String field, String message) {
        if (problem == null) {
            problem = new InvalidFieldException(field, message);
        }
    }

    List<PushBody.Pushed> resources(JsonParser p) {
        List<PushBody.Pushed> resources = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            String at = "resources[" + resources.size() + "]";
            if (t != JsonToken.START_OBJECT) {
                problem(at, "an object with type, id and data");
                skip(p);
                resources.add(new PushBody.Pushed(null, null, null));
                continue;
            }
            String type = null;
            String id = null;
            String json = null;
            for (JsonToken f = p.nextToken(); f == JsonToken.PROPERTY_NAME; f = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "type" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            type = text(p);
                        } else {
                            type = null;
                            skip(p);
                        }
                    }
                    case "id" -> id = id(p, value);
                    case "data" -> {
                        if (value == JsonToken.START_OBJECT) {
                            json = document(p);
                        } else {
                            json = null;
                            skip(p);
                        }
                    }
                    default -> skip(p);
                }
            }
            if (json == null) {
                problem(at + ".data", "an object (the resource's JSON document)");
            }
            resources.add(new PushBody.Pushed(type, id, json));
        }
        return resources;
    }

    /** A string value, refused when it holds a character no field takes. */
    String text(JsonParser p) {
        String text = p.getString();
        if (TextInput.badCharacterAt(text) >= 0) {
            problem(where(p), TextInput.PROBLEM);
        }
        return text;
    }

    /** An id as the map round trip made it: text as is, a number or a boolean as its JSON value reads. */
    private String id(JsonParser p, JsonToken value) {
        return switch (value) {
            case VALUE_STRING -> text(p);
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> p.getNumberValue().toString();
            case VALUE_NUMBER_FLOAT -> Double.toString(p.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> Boolean.toString(value == JsonToken.VALUE_TRUE);
            default -> {
                // an object or a list is no id: refused as a missing one
                skip(p);
                yield null;
            }
        };
    }

    /**
     * Steps over the value where the parser stands (an object or a list to its end), still refusing the
     * characters no field takes anywhere in it.
     */
    void skip(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            text(p);
        }
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken next = p.nextToken();
            if (next == JsonToken.START_OBJECT || next == JsonToken.START_ARRAY) {
                depth++;
            } else if (next == JsonToken.END_OBJECT || next == JsonToken.END_ARRAY) {
                depth--;
            } else if (next == JsonToken.VALUE_STRING) {
                text(p);
            } else if (next == JsonToken.PROPERTY_NAME) {
                name(p);
            }
        }
    }

    private String name(JsonParser p) {
        String name = p.currentName();
        if (TextInput.badCharacterAt(name) >= 0) {
            problem(where(p), TextInput.PROBLEM);
        }
        return name;
    }

    /** The data object where the parser stands, as compact JSON text; the parser is left on its end. */
    private String document(JsonParser p) {
        StringBuffer text = buffer.getBuffer();
        text.setLength(0);
        duplicateKey = false;
        copyObject(p);
        out.flush();
        // the generator separates root values with a space
        String json = text.length() > 0 && text.charAt(0) == ' ' ? text.substring(1) : text.toString();
        return duplicateKey ? Documents.write(Documents.read(json)) : json;
    }

    private void copyObject(JsonParser p) {
        out.writeStartObject();
        // names seen so far: most objects are small, so a list is searched; a large one gets a set
        String[] seen = null;
        Set<String> many = null;
        int count = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String name = name(p);
            if (many != null) {
                duplicateKey |= !many.add(name);
            } else {
                if (seen == null) {
                    seen = new String[8];
                }
                for (int i = 0; i < count; i++) {
                    if (seen[i].equals(name)) {
                        duplicateKey = true;
                        break;
                    }
                }
                if (count < seen.length) {
                    seen[count] = name;
                } else {
                    many = new HashSet<>(Arrays.asList(seen));
                    many.add(name);
                }
            }
            count++;
            out.writeName(name);
            copyValue(p, p.nextToken());
        }
        out.writeEndObject();
    }

    private void copyArray(JsonParser p) {
        out.writeStartArray();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            copyValue(p, t);
        }
        out.writeEndArray();
    }

    private void copyValue(JsonParser p, JsonToken t) {
        switch (t) {
            case START_OBJECT -> copyObject(p);
            case START_ARRAY -> copyArray(p);
            case VALUE_STRING -> out.writeString(text(p));
            case VALUE_NUMBER_INT -> {
                Number number = p.getNumberValue();
                if (number instanceof BigInteger big) {
                    out.writeNumber(big);
                } else {
                    out.writeNumber(number.longValue());
                }
            }
            case VALUE_NUMBER_FLOAT -> out.writeNumber(p.getDoubleValue());
            case VALUE_TRUE -> out.writeBoolean(true);
            case VALUE_FALSE -> out.writeBoolean(false);
            case VALUE_NULL -> out.writeNull();
            default -> throw new IllegalStateException("unexpected " + t + " in a resource document");
        }
    }

    /** Where the parser stands, as the request names a field: {@code resources[3].data.tags[0]}. */
    private static String where(JsonParser p) {
        List<String> steps = new ArrayList<>();
        for (TokenStreamContext c = p.streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                steps.add("[" + c.getCurrentIndex() + "]");
            } else if (c.currentName() != null) {
                steps.add("." + c.currentName());
            }
        }
        StringBuilder field = new StringBuilder();
        for (int i = steps.size() - 1; i >= 0; i--) {
            field.append(steps.get(i));
        }
        return field.charAt(0) == '.' ? field.substring(1) : field.toString();
    }
}
