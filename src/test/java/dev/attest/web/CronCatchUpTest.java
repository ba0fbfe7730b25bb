package dev.attest.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with its scheduler on: every cron job with a lock is registered for catch-up, and an
 * hourly job whose latest due time did not run (as if its node had died) is run once by the catch-up.
 * The context is closed after the test: left running with its scheduler on, it would go on queueing every
 * due connection of the other tests on the shared PostgreSQL database and run them beside theirs.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"attest.scheduling.enabled=true", "attest.scheduling.lease=PT2S"})
@ActiveProfiles("test")
class CronCatchUpTest {

    @Autowired
    CronJobs cron;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyLockedCronJobIsRegisteredAndAMissedDueTimeIsCaughtUpOnce() throws Exception {
        assertThat(cron.names()).contains("usage-counter-sweep", "privacy-purge", "obligation-reminders", "people-reminder-digests",
                "accessreviews-reminders", "evidence.orphan-sweep");
        Instant lastDue = jdbc.sql("select last_due from scheduled_job_run where name = 'usage-counter-sweep'")
                .query(OffsetDateTime.class).single().toInstant();
        // the sweep is due at minute 23 of every hour: its latest due time counts as done when the application starts
        assertThat(lastDue).isBefore(Instant.now()).isAfter(Instant.now().minus(Duration.ofHours(1)).minusSeconds(5));

        // the node that ran the last due time died before it finished: the row still names the one before
        Instant missed = lastDue;
        jdbc.sql("update scheduled_job_run set last_due = ? where name = 'usage-counter-sweep'")
                .param(missed.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)).update();
        Instant changed = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        OffsetDateTime[] row = jdbc.sql("select last_due, ran_at from scheduled_job_run where name = 'usage-counter-sweep'")
                .query((rs, n) -> new OffsetDateTime[] {rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)}).single();
        while (row[0].toInstant().isBefore(missed) && System.nanoTime() < until) {
            Thread.sleep(200);
            row = jdbc.sql("select last_due, ran_at from scheduled_job_run where name = 'usage-counter-sweep'")
                    .query((rs, n) -> new OffsetDateTime[] {rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)}).single();
        }

        assertThat(row[0].toInstant()).as("the missed due time ran").isEqualTo(missed);
        assertThat(row[1].toInstant()).as("just now").isAfterOrEqualTo(changed.minusMillis(1));
        Instant ranAt = row[1].toInstant();
        Thread.sleep(2500); // a few more catch-up rounds
        assertThat(jdbc.sql("select ran_at from scheduled_job_run where name = 'usage-counter-sweep'").query(OffsetDateTime.class).single()
                .toInstant()).as("and only once").isEqualTo(ranAt);
    }
}
