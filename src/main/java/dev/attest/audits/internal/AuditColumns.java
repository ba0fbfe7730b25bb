package dev.attest.audits.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What the audits stores write beside {@link dev.attest.web.Columns} (which has the time columns):
 * days, and the comma-separated lists the module's tables already hold.
 */
final class AuditColumns {

    private AuditColumns() {
    }

    static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    /** A list kept as comma-separated text (its items never contain commas: refs, keys, categories). */
    static String joined(List<String> items) {
        return String.join(",", items);
    }

    static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
