package dev.attest.web;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thread interrupted in the middle of database work (a request whose client gave up, an executor shut
 * down with work running) must not take the database away from everyone else. On the embedded H2 file
 * database an interrupt during a read or write closed the file under every connection, and every request
 * after it failed with "The database has been closed" until a restart (seen in CI: 250 tests failed after
 * one such moment). The test interrupts a writer again and again and signs in after each time.
 * On PostgreSQL the driver's socket I/O does not react to interrupts, and the same answers are expected.
 * <p>
 * It runs in a context of its own, so that a regression fails this test rather than every test after it.
 */
@AttestTest
@TestPropertySource(properties = "attest.test.context=interrupted-database-work")
class InterruptedDatabaseWorkTest {

    private static final String TABLE = "interrupted_write_probe";
    private static final int ROWS = 4000;

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    JdbcTemplate jdbc;

    @BeforeEach
    void fillAScratchTableLargerThanTheDatabaseCache() {
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("drop table if exists " + TABLE);
        jdbc.execute("create table " + TABLE + " (id int primary key, body varchar(8000))");
        List<Object[]> rows = new ArrayList<>();
        for (int id = 0; id < ROWS; id++) {
            rows.add(new Object[] {id, text('a')});
        }
        jdbc.batchUpdate("insert into " + TABLE + " (id, body) values (?, ?)", rows);
    }

    @AfterEach
    void dropTheScratchTable() {
        jdbc.execute("drop table if exists " + TABLE);
    }

    @Test
    void aWriterInterruptedMidWriteLeavesTheApplicationWorking() throws Exception {
        for (int round = 1; round <= 8; round++) {
            Thread writer = new Thread(this::rewriteRowsUntilInterrupted, "interrupted-writer-" + round);
            writer.start();
            TimeUnit.MILLISECONDS.sleep(250);
            writer.interrupt();
            writer.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(writer.isAlive()).as("the writer stops once interrupted").isFalse();

            Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
            assertThat(admin.get("/").status()).as("the dashboard after interrupt %d", round).isEqualTo(200);
            Http api = Http.withToken(port, AttestTest.ADMIN_TOKEN);
            assertThat(api.get("/api/v1/controls").status()).as("the API after interrupt %d", round).isEqualTo(200);
            assertThat(jdbc.queryForObject("select count(*) from " + TABLE, Integer.class))
                    .as("every row of the scratch table is still there").isEqualTo(ROWS);
        }
    }

    /** Rewrites random rows (each several kilobytes, so pages are read from and written to the file) until interrupted. */
    private void rewriteRowsUntilInterrupted() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        var random = ThreadLocalRandom.current();
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
            try {
                jdbc.update("update " + TABLE + " set body = ? where id = ?", text((char) ('a' + random.nextInt(26))), random.nextInt(ROWS));
            } catch (RuntimeException interruptedStatement) {
                return; // the interrupted statement itself may fail; what matters is everyone else's next one
            }
        }
    }

    private static String text(char letter) {
        return String.valueOf(letter).repeat(5000);
    }
}
