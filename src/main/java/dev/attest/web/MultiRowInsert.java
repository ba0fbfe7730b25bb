package dev.attest.web;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Inserts rows with multi-row statements ({@code insert into T (..) values (?, ?), (?, ?), ..}), up to
 * {@link #MAX_ROWS} rows each, so that a batch costs a few round trips on any database and driver,
 * whatever the driver's own batch settings (PostgreSQL's reWriteBatchedInserts, for one). On
 * PostgreSQL a larger set goes through {@code COPY ... FROM STDIN} instead, the fastest way in (the
 * floor the monitoring benchmark compares with). Either way the rows are written in the caller's
 * transaction, which makes them all-or-nothing.
 */
public final class MultiRowInsert {

    public static final int MAX_ROWS = 500;

    /** From this many rows on, PostgreSQL gets a COPY: below it the statement is as cheap. */
    static final int COPY_FROM = 50;

    private final String table;
    private final String columns;
    private final int width;
    private final String fullStatement;

    public MultiRowInsert(String table, String... columns) {
        this.table = table;
        this.columns = String.join(", ", columns);
        this.width = columns.length;
        this.fullStatement = statement(MAX_ROWS);
    }

    private String statement(int rows) {
        String row = "(" + "?, ".repeat(width - 1) + "?)";
        StringBuilder sql = new StringBuilder("insert into " + table + " (" + columns + ") values ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    /** Inserts the rows (each with a value per column, in order) and returns how many were inserted. */
    public int insert(JdbcTemplate jdbc, List<Object[]> rows) {
        if (rows.size() >= COPY_FROM && rows.stream().allMatch(this::copyable)) {
            Integer copied = jdbc.execute((ConnectionCallback<Integer>) connection -> copy(connection, rows));
            // null: not PostgreSQL
            if (copied != null) {
                return copied;
            }
        }
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += MAX_ROWS) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS));
            String sql = chunk.size() == MAX_ROWS ? fullStatement : statement(chunk.size());
            inserted += jdbc.update(sql, ps -> {
                int index = 1;
                for (Object[] row : chunk) {
                    if (row.length != width) {
                        throw new IllegalArgumentException("a row of " + table + " needs " + width + " values, not " + row.length);
                    }
                    for (Object value : row) {
                        ps.setObject(index++, value);
                    }
                }
            });
        }
        return inserted;
    }

    /** The rows through PostgreSQL's COPY on the caller's (transactional) connection; null on another database. */
    private Integer copy(Connection connection, List<Object[]> rows) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class)) {
            return null;
        }
        StringBuilder text = new StringBuilder(rows.size() * 128);
        // the rows of one write mostly share their times: each distinct one is formatted once
        Object[] lastTime = new Object[width];
        String[] lastTimeText = new String[width];
        for (Object[] row : rows) {
            if (row.length != width) {
                throw new IllegalArgumentException("a row of " + table + " needs " + width + " values, not " + row.length);
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object value = row[i];
                if (value instanceof OffsetDateTime || value instanceof Timestamp) {
                    if (!value.equals(lastTime[i])) {
                        lastTime[i] = value;
                        lastTimeText[i] = copyText(value);
                    }
                    text.append(lastTimeText[i]);
                } else {
                    appendCopyValue(text, value);
                }
            }
            text.append('\n');
        }
        try {
            long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(text.toString()));
            return Math.toIntExact(copied);
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    private boolean copyable(Object[] row) {
        for (Object value : row) {
            if (!(value == null || value instanceof CharSequence || value instanceof UUID || value instanceof Number
                    || value instanceof Boolean || value instanceof OffsetDateTime || value instanceof Instant
                    || value instanceof Timestamp || value instanceof LocalDate)) {
                return false;
            }
        }
        return true;
    }

    /** One value in COPY's text format: \N for null, backslash escapes for the characters that separate. */
    static void appendCopyValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = copyText(value);
        // runs without a separator or a backslash (most of any text) are appended whole
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                out.append(text, from, i).append('\\').append(c == '\\' ? '\\' : c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
                from = i + 1;
            }
        }
        out.append(text, from, text.length());
    }

    /** A value's text before escaping: times in UTC. */
    private static String copyText(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).toString();
        } else if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        return value.toString();
    }
}
