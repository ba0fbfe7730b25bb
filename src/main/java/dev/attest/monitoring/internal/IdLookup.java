package dev.attest.monitoring.internal;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a lookup of many ids (bound as one array parameter, first) so that each id is one index probe
 * on both databases, whatever the table's statistics say. H2 uses only the equality prefix of an index
 * for {@code in (?, ?, ..)}, so it joins the ids as a table. PostgreSQL, planning that same join on
 * statistics taken while the table was small (autovacuum off, or a table that grew fast), hashed a whole
 * type's rows for every chunk (270 ms per 1,000 ids at 200,000 results); there the rows of each id are a
 * lateral subquery behind {@code offset 0}, which the planner cannot flatten into a hash join.
 */
@Component
class IdLookup {

    private final boolean postgres;

    IdLookup(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }

    /**
     * {@code select COLUMNS} of the rows of {@code table} (as {@code alias}) that match {@code condition}
     * for each id, where the condition names the id {@code k.id}; {@code tail} follows (an order by, or "").
     */
    String select(String columns, String table, String alias, String condition, String tail) {
        String ids = "unnest(cast(? as varchar array)) as k(id)";
        String sql = postgres
                ? "select " + columns + " from " + ids + " cross join lateral (select * from " + table + " " + alias + " where " + condition
                        + " offset 0) " + alias
                : "select " + columns + " from " + ids + " join " + table + " " + alias + " on " + condition;
        return tail.isEmpty() ? sql : sql + " " + tail;
    }

    /** The chunk bound as the array parameter. */
    static Object ids(List<String> chunk) {
        return chunk.toArray(String[]::new);
    }
}
