package dev.attest.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cron jobs run once per due time across nodes, and a due time missed because the node running it died
 * is caught up by another node within about a lease. Each job's last due time it ran for is a row in
 * {@code scheduled_job_run}: {@link LeasedLocks} refuses a claim for a due time already done and records
 * it when the run ends, and {@link #catchUp(Instant)} starts every job whose latest due time is not done.
 */
public final class CronJobs {

    /** A cron job: its lock name, its schedule, and how to start it (through its lock). */
    public record Job(String name, CronExpression cron, ZoneId zone, Runnable start) {
    }

    // Spring's scheduler may fire a hair before the due second; such a tick still counts for that due time.
    private static final Duration EARLY = Duration.ofSeconds(2);
    private static final List<Duration> LOOK_BACK = List.of(Duration.ofMinutes(2), Duration.ofHours(2), Duration.ofDays(2),
            Duration.ofDays(9), Duration.ofDays(40), Duration.ofDays(400));

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CronJobs.class);

    private final CronRunStore store;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public CronJobs(DataSource dataSource) {
        this.store = new CronRunStore(JdbcClient.create(dataSource));
    }

    /** Adds a job; its due times before now count as done, so a new job does not run at once on start. */
    public void register(Job job) {
        jobs.put(job.name(), job);
        latestDue(job, Instant.now()).ifPresent(due -> store.start(job.name(), due, Instant.now()));
    }

    /** The registered jobs' names. */
    public java.util.Set<String> names() {
        return java.util.Set.copyOf(jobs.keySet());
    }

    /** The due time a tick of this job at {@code now} runs for, when it is a registered cron job. */
    Optional<Instant> due(String name, Instant now) {
        Job job = jobs.get(name);
        return job == null ? Optional.empty() : latestDue(job, now);
    }

    boolean done(String name, Instant due) {
        return store.lastDue(name).map(last -> !last.isBefore(due)).orElse(false);
    }

    /** A claimed run of a due time: the job gets its row (its due times before this one done) if it had none. */
    void claimed(String name, Instant due) {
        store.start(name, due.minusMillis(1), Instant.now());
    }

    void ran(String name, Instant due) {
        store.ran(name, due, Instant.now());
    }

    /**
     * Starts each job whose latest due time, at least a grace before {@code now}, has not run (its node died,
     * or no node was up then); the job's lock lets one node through. Answers how many it started.
     */
    public int catchUp(Instant now) {
        int started = 0;
        for (Job job : jobs.values()) {
            Optional<Instant> due = latestDue(job, now.minus(EARLY));
            if (due.isPresent() && !done(job.name(), due.get())) {
                started++;
                try {
                    job.start().run();
                } catch (RuntimeException e) {
                    // one failing job does not hold back the others; its next round tries again
                    log.warn("Catching up cron job {} failed: {}", job.name(), e.getMessage());
                }
            }
        }
        return started;
    }

    private static Optional<Instant> latestDue(Job job, Instant now) {
        ZonedDateTime until = now.plus(EARLY).atZone(job.zone());
        for (Duration back : LOOK_BACK) {
            ZonedDateTime next = job.cron().next(until.minus(back));
            if (next != null && !next.isAfter(until)) {
                ZonedDateTime latest = next;
                while ((next = job.cron().next(latest)) != null && !next.isAfter(until)) {
                    latest = next;
                }
                return Optional.of(latest.toInstant());
            }
        }
        return Optional.empty();
    }
}
