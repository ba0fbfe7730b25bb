package dev.attest.web;

import org.springframework.dao.TransientDataAccessException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Every counter and limit of the application (sign-in failures, public-form submissions, mails), kept
 * in the database table {@code usage_counter} so that a limit holds across nodes and across restarts.
 * A counter counts hits on a subject (an email, a client address) in a fixed window that starts with
 * the first hit; a subject can also be blocked until an instant. Each hit is one atomic
 * {@code UPDATE ... RETURNING} (on H2 the equivalent {@code FINAL TABLE (UPDATE ...)}): parallel hits
 * on one subject are serialised by the row lock, so none is lost and exactly one of them sees the
 * count that crosses a limit.
 */
@Component
public class UsageCounters {

    private static final String INCREMENT = """
            update usage_counter set
                hits = case when window_start <= ? then 1 else hits + 1 end,
                window_start = case when window_start <= ? then ? else window_start end
            where counter = ? and subject = ?""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean h2;

    UsageCounters(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        // A hit joins the caller's transaction: a second connection per hit would exhaust the pool under parallel sign-ins.
        this.transaction = transaction;
        this.clock = clock;
        try (Connection connection = dataSource.getConnection()) {
            this.h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        }
    }

    /**
     * Counts one hit on the subject and returns the hits in its current window, this one included.
     * A window older than {@code window} starts again at this hit.
     */
    public int hit(String counter, String subject, Duration window) {
        String key = key(subject);
        Instant now = clock.instant();
        OffsetDateTime cutoff = utc(now.minus(window));
        // H2 answers a row two transactions insert or update at once with a transient error instead of
        // waiting for the lock: the hit is tried again, so none is lost (PostgreSQL waits on the row lock).
        for (int attempt = 1; ; attempt++) {
            try {
                Integer hits = transaction.execute(status -> {
                    jdbc.sql("insert into usage_counter (counter, subject, hits, window_start) values (?, ?, 0, ?) on conflict do nothing")
                            .params(counter, key, utc(now)).update();
                    String sql = h2 ? "select hits from final table (" + INCREMENT + ")" : INCREMENT + " returning hits";
                    return jdbc.sql(sql).params(cutoff, cutoff, utc(now), counter, key).query(Integer.class).single();
                });
                return hits == null ? 0 : hits;
            } catch (TransientDataAccessException e) {
                if (attempt >= 20) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    /** Counts one hit and answers whether the subject is still within {@code limit} hits per window. */
    public boolean allow(String counter, String subject, int limit, Duration window) {
        return hit(counter, subject, window) <= limit;
    }

    /** The hits in the subject's current window, without counting one. */
    public int hits(String counter, String subject, Duration window) {
        OffsetDateTime cutoff = utc(clock.instant().minus(window));
        return jdbc.sql("select hits from usage_counter where counter = ? and subject = ? and window_start > ?")
                .params(counter, key(subject), cutoff).query(Integer.class).optional().orElse(0);
    }

    /**
     * Blocks the subject until {@code until} and starts its count again. True only for the call that
     * set the block: a subject already blocked stays as it was, so a lock is announced once however
     * many parallel hits crossed the limit.
     */
    public boolean block(String counter, String subject, Instant until) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        update usage_counter set blocked_until = ?, hits = 0, window_start = ?
                        where counter = ? and subject = ? and (blocked_until is null or blocked_until <= ?)""")
                .params(utc(until), utc(now), counter, key(subject), utc(now)).update() == 1;
    }

    /** The end of the subject's block, when it is blocked now. */
    public Optional<Instant> blockedUntil(String counter, String subject) {
        Instant now = clock.instant();
        return jdbc.sql("select blocked_until from usage_counter where counter = ? and subject = ? and blocked_until > ?")
                .params(counter, key(subject), utc(now)).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** Forgets the subject's hits and lifts its block. */
    public void clear(String counter, String subject) {
        jdbc.sql("delete from usage_counter where counter = ? and subject = ?").params(counter, key(subject)).update();
    }

    /** Forgets every subject of one counter. */
    public void clearAll(String counter) {
        jdbc.sql("delete from usage_counter where counter = ?").param(counter).update();
    }

    /**
     * Hourly, forgets subjects whose window started more than a week ago (longer than any window Attest
     * uses) and that block nothing, so the table holds only recent activity.
     */
    @Scheduled(cron = "${attest.usage-counters.sweep-cron:0 23 * * * *}")
    @SchedulerLock(name = "usage-counter-sweep")
    public void sweepStale() {
        // returns nothing: ShedLock refuses to lock a method that returns a primitive
        sweep(clock.instant().minus(Duration.ofDays(7)));
    }

    /** Deletes the rows whose window started before {@code before} and that block nothing any more. */
    public int sweep(Instant before) {
        return jdbc.sql("delete from usage_counter where window_start < ? and (blocked_until is null or blocked_until < ?)")
                .params(utc(before), utc(clock.instant())).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    // The subject as stored: a hash, so that emails typed by strangers are not kept and any length fits.
    private static String key(String subject) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(subject.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
