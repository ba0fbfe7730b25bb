package dev.attest.web;

import dev.attest.support.Services;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The same rows come back whichever way they went in: COPY on PostgreSQL, multi-row statements on H2. */
class MultiRowInsertTest {

    private static final String AWKWARD = "back\\slash\ttab\nnew line\r\"quoted\" \\N and \\. end é 漢 😀";

    @Test
    void postgresCopyKeepsEveryCharacterNullAndInstant() {
        Services.requirePostgres();
        roundTrip(new SingleConnectionDataSource("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "", true));
    }

    @Test
    void h2StatementsKeepTheSameRows() {
        roundTrip(new DriverManagerDataSource("jdbc:h2:mem:multirow;DB_CLOSE_DELAY=-1"));
    }

    private static void roundTrip(javax.sql.DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String table = "multirow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.execute("create table " + table + " (id uuid, name varchar(200), n bigint, at timestamp with time zone, note varchar(200))");
        try {
            OffsetDateTime at = OffsetDateTime.of(2026, 12, 6, 14, 30, 15, 123_456_000, ZoneOffset.ofHours(2));
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                rows.add(new Object[]{UUID.randomUUID(), AWKWARD + i, (long) i, at, i % 2 == 0 ? null : "\\N"});
            }

            int inserted = new MultiRowInsert(table, "id", "name", "n", "at", "note").insert(jdbc, rows);

            assertThat(inserted).isEqualTo(120);
            assertThat(jdbc.queryForList("select name from " + table + " order by n", String.class).get(7)).isEqualTo(AWKWARD + 7);
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where note is null", Long.class)).isEqualTo(60);
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where note = '\\N'", Long.class)).isEqualTo(60);
            assertThat(jdbc.queryForObject("select at from " + table + " where n = 3", OffsetDateTime.class).toInstant())
                    .isEqualTo(at.toInstant());
        } finally {
            jdbc.execute("drop table " + table);
        }
    }
}
