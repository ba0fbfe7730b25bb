package dev.attest.accessreviews.internal;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Time and JSON columns, read and written the same way by every store of the module. */
final class Columns {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Columns() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static List<String> list(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() { });
    }

    static Map<String, String> map(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() { });
    }
}
