package dev.attest.monitoring.internal;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * Resource documents to and from JSON. Integers read as 64-bit longs, so that CEL compares them as
 * {@code int} whatever their size.
 */
public final class Documents {

    public static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();
    private static final JsonMapper CHECKED = JSON.rebuild().addModule(dev.attest.web.TextInput.module()).build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    private Documents() {
    }

    public static Map<String, Object> read(String json) {
        return JSON.readValue(json, MAP);
    }

    /** A list from an outside file: a NUL or an unpaired surrogate in any string (escaped or not) is refused at its line and column. */
    public static List<Object> readList(String json) {
        return CHECKED.readValue(json, LIST);
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
