package dev.attest.web;

import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Job claims as leases: a node claims a job's row for {@code lease} and renews it every third of the
 * lease while the job runs. A job that runs for an hour stays claimed, and a job whose node died is free
 * again one lease later, when another node's next tick picks it up. A job's own {@code lockAtMostFor}
 * no longer bounds its run time; the lease replaces it.
 */
public final class LeasedLocks implements LockProvider, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeasedLocks.class);

    private final ExtensibleLockProvider claims;
    private final Duration lease;
    private final ScheduledExecutorService renewals;
    private final CronJobs cron;

    public LeasedLocks(ExtensibleLockProvider claims, Duration lease, String node) {
        this(claims, lease, node, null);
    }

    public LeasedLocks(ExtensibleLockProvider claims, Duration lease, String node, CronJobs cron) {
        this.claims = claims;
        this.lease = lease;
        this.cron = cron;
        this.renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "attest-job-leases-" + node);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration job) {
        Duration atLeast = job.getLockAtLeastFor().compareTo(lease) > 0 ? lease : job.getLockAtLeastFor();
        Instant due = cron == null ? null : cron.due(job.getName(), Instant.now()).orElse(null);
        Optional<SimpleLock> claimed = claims.lock(new LockConfiguration(Instant.now(), job.getName(), lease, atLeast));
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        if (due != null) {
            // checked under the claim: the node that ran this due time recorded it before letting go
            if (cron.done(job.getName(), due)) {
                claimed.get().unlock();
                return Optional.empty();
            }
            cron.claimed(job.getName(), due);
        }
        return Optional.of(new Lease(job.getName(), claimed.get(), due));
    }

    /** Stops renewing: what a node that dies does. Claims it holds lapse one lease later. */
    @Override
    public void close() {
        renewals.shutdownNow();
    }

    private final class Lease implements SimpleLock {

        private final String name;
        private SimpleLock current;
        private final ScheduledFuture<?> renewal;
        private final Instant due;

        Lease(String name, SimpleLock claimed, Instant due) {
            this.name = name;
            this.current = claimed;
            this.due = due;
            long every = Math.max(1, lease.toMillis() / 3);
            this.renewal = renewals.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        private synchronized void renew() {
            if (current == null) {
                return;
            }
            Optional<SimpleLock> renewed = current.extend(lease, Duration.ZERO);
            if (renewed.isPresent()) {
                current = renewed.get();
            } else {
                log.warn("Lost the claim on job {}: another node may run it now", name);
                current = null;
                throw new IllegalStateException("claim lost");
            }
        }

        @Override
        public synchronized void unlock() {
            renewal.cancel(false);
            if (current != null) {
                if (due != null) {
                    cron.ran(name, due);
                }
                current.unlock();
                current = null;
            }
        }
    }
}
