package dev.attest.web;

import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The scheduled_job_run table: per cron job, the last due time it ran for. */
@RequiredArgsConstructor
final class CronRunStore {

    private final JdbcClient jdbc;

    Optional<Instant> lastDue(String job) {
        return jdbc.sql("select last_due from scheduled_job_run where name = ?").param(job)
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** Records that the job's runs up to {@code lastDue} are done, if it has no row yet. */
    void start(String job, Instant lastDue, Instant at) {
        try {
            jdbc.sql("insert into scheduled_job_run (name, last_due, ran_at) select ?, ?, ? where not exists "
                            + "(select 1 from scheduled_job_run where name = ?)")
                    .params(job, utc(lastDue), utc(at), job).update();
        } catch (DuplicateKeyException e) {
            // another node wrote the row at the same moment: it says the same
        }
    }

    void ran(String job, Instant due, Instant at) {
        jdbc.sql("update scheduled_job_run set last_due = ?, ran_at = ? where name = ? and last_due < ?")
                .params(utc(due), utc(at), job, utc(due)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
