package dev.attest.accessreviews.internal;

import dev.attest.web.Columns;
import tools.jackson.core.type.TypeReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What the access-review stores read beside {@link Columns} (time and JSON columns): a JSON list or
 * map that is empty rather than null when the column is blank, and a nullable boolean.
 */
final class ReviewColumns {

    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };

    private ReviewColumns() {
    }

    static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    static List<String> list(String json) {
        return json == null || json.isBlank() ? List.of() : Columns.json(json, LIST);
    }

    static Map<String, String> map(String json) {
        return json == null || json.isBlank() ? Map.of() : Columns.json(json, MAP);
    }
}
