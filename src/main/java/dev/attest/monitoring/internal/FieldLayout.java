package dev.attest.monitoring.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level resource fields the checks of one resource type read, each given a slot. A
 * resource is read into an array of those slots, straight from its JSON when it comes as JSON:
 * the fields no check reads are skipped, not built, and a check reads a field by index instead of
 * by hashing its name.
 *
 * <p>In a slot: {@code null} when the field is absent, {@link #JSON_NULL} for a JSON null,
 * an {@link Unmodelled} for a value the plans leave to CEL, otherwise the value as Jackson reads it
 * with 64-bit integers (String, Long, Double, Boolean, List or Map).
 */
final class FieldLayout {

    /** A field present with the value null. */
    static final Object JSON_NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    /** A field whose value the plans do not model (such as a number too large for 64 bits): CEL reads it. */
    record Unmodelled(Object value) {
    }

    /** Reads one nested value where the parser stands, the rest of the document still to come. */
    private static final ObjectReader NESTED = Documents.JSON.readerFor(Object.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Map<String, Integer> slots;
    private final String[] fields;

    private FieldLayout(Map<String, Integer> slots) {
        this.slots = slots;
        this.fields = new String[slots.size()];
        slots.forEach((field, slot) -> fields[slot] = field);
    }

    /** The layout of every field any of these expressions reads. */
    static FieldLayout of(Collection<CelEngine.Compiled> expressions) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (CelEngine.Compiled compiled : expressions) {
            for (String field : compiled.fieldsRead()) {
                slots.putIfAbsent(field, slots.size());
            }
        }
        return new FieldLayout(new HashMap<>(slots));
    }

    static FieldLayout of(List<String> fields) {
        Map<String, Integer> slots = new HashMap<>();
        for (String field : fields) {
            slots.putIfAbsent(field, slots.size());
        }
        return new FieldLayout(slots);
    }

    /** The field's slot, or -1 when no expression of this layout reads it. */
    int slot(String field) {
        Integer slot = slots.get(field);
        return slot == null ? -1 : slot;
    }

    int size() {
        return fields.length;
    }

    /** The slots of a resource given as a map (resources offered by other modules, tests). */
    Object[] read(Map<String, Object> data) {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (data.containsKey(fields[i])) {
                values[i] = slotValue(data.get(fields[i]));
            }
        }
        return values;
    }

    /**
     * The slots of a resource read from a parser standing on the data object's START_OBJECT;
     * leaves the parser on its END_OBJECT. A repeated field keeps its last value, as a map would.
     */
    Object[] read(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("a resource's data must be a JSON object");
        }
        Object[] values = new Object[fields.length];
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            Integer slot = slots.get(parser.currentName());
            JsonToken token = parser.nextToken();
            if (slot == null) {
                parser.skipChildren();
                continue;
            }
            values[slot] = switch (token) {
                case VALUE_STRING -> parser.getString();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> JSON_NULL;
                case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new Unmodelled(parser.getBigIntegerValue()) : (Object) parser.getLongValue();
                case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                default -> slotValue(NESTED.readValue(parser));
            };
        }
        return values;
    }

    /** The values of the fields read, for a result's "why", shortened; absent fields say so. */
    Map<String, Object> observed(List<String> read, Object[] values) {
        Map<String, Object> observed = new LinkedHashMap<>();
        for (String field : read) {
            Object value = values[slots.get(field)];
            if (value == null) {
                observed.put(field, "(absent)");
            } else {
                observed.put(field, value == JSON_NULL ? null : value instanceof Unmodelled u ? u.value() : ObservedFields.shorten(value));
            }
        }
        return observed;
    }

    /** A raw value as a slot holds it (also a nested value as the plans model it). */
    static Object slotValue(Object raw) {
        if (raw == null) {
            return JSON_NULL;
        }
        if (raw instanceof String || raw instanceof Long || raw instanceof Boolean || raw instanceof Double
                || raw instanceof Map || raw instanceof List) {
            return raw;
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Float f) {
            return f.doubleValue();
        }
        return new Unmodelled(raw);
    }
}
