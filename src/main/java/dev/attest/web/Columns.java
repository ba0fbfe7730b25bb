package dev.attest.web;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * How every module's store writes and reads time, list and JSON columns, so that H2 and
 * PostgreSQL see the same values: instants as UTC {@code timestamp with time zone}, short lists
 * as one line per value, documents as JSON text.
 */
public final class Columns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Columns() {
    }

    /** An instant as the UTC offset time both databases store; null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code timestamp with time zone} column as an instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A list of one-line values as text, one a line. */
    public static String lines(List<String> values) {
        return String.join("\n", values);
    }

    /** Text of one value a line as a list, blank lines left out. */
    public static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    /** A value as JSON text. */
    public static String json(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    /** JSON text as a value of the given shape, or null for a null column. */
    public static <T> T json(String text, TypeReference<T> type) {
        return text == null ? null : JSON.readValue(text, type);
    }
}
