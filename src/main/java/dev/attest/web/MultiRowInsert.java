package dev.attest.web;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Inserts rows with multi-row statements ({@code insert into T (..) values (?, ?), (?, ?), ..}), up to
 * {@link #MAX_ROWS} rows each, so that a batch costs a few round trips on any database and driver,
 * whatever the driver's own batch settings (PostgreSQL's reWriteBatchedInserts, for one). The
 * statements run in the caller's transaction, which makes the rows all-or-nothing.
 */
public final class MultiRowInsert {

    public static final int MAX_ROWS = 500;

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
}
