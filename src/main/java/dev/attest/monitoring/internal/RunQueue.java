package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.ConnectionRun;
import dev.attest.web.QueuedWork;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * This node's side of the collector run queue ({@code monitoring_run}): "run now" and scheduled runs are
 * rows that any node claims ({@code FOR UPDATE SKIP LOCKED}) for a lease it renews while the run works. A
 * run requested here is claimed here at once when a worker is free; otherwise the first node with a free
 * worker takes it. A run whose node died is claimed again one lease later and completed; its end is
 * recorded once, by the claim that holds it. Settings: {@code attest.monitoring.run-workers} (2),
 * {@code attest.monitoring.run-lease} (a minute), {@code attest.monitoring.run-poll} (a second).
 */
@Component
class RunQueue implements QueuedWork {

    private static final Logger log = LoggerFactory.getLogger(RunQueue.class);

    private final Connections connections;
    private final ConnectionStore store;
    private final TransactionTemplate transactions;
    private final Duration lease;
    private final Duration poll;
    private final String node;
    private final Semaphore free;
    private final Map<UUID, String> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticks;
    private final ExecutorService workers;
    private volatile boolean stopped;

    RunQueue(Connections connections, ConnectionStore store, TransactionTemplate transactions,
             @Value("${attest.monitoring.run-workers:2}") int workers,
             @Value("${attest.monitoring.run-lease:PT1M}") Duration lease,
             @Value("${attest.monitoring.run-poll:PT1S}") Duration poll,
             @Value("${spring.application.name:attest}") String application) {
        if (workers < 1 || lease.toMillis() < 300 || poll.toMillis() < 10) {
            throw new IllegalArgumentException("attest.monitoring.run-workers must be at least 1, run-lease at least PT0.3S, run-poll at least PT0.01S");
        }
        this.connections = connections;
        this.store = store;
        this.transactions = transactions;
        this.lease = lease;
        this.poll = poll;
        this.node = application + "@" + UUID.randomUUID().toString().substring(0, 8);
        this.free = new Semaphore(workers);
        this.ticks = Executors.newSingleThreadScheduledExecutor(daemon("attest-run-queue"));
        this.workers = Executors.newFixedThreadPool(workers, daemon("attest-connection-run"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @PostConstruct
    void start() {
        ticks.scheduleWithFixedDelay(this::claimWaiting, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        long renewEvery = Math.max(100, lease.toMillis() / 3);
        ticks.scheduleWithFixedDelay(this::renewHeld, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    }

    /** "Run now": queues the run, taken by this node at once when one of its workers is free. */
    ConnectionRun request(WorkspaceId workspace, UUID connection, String actor) {
        boolean local = !stopped && free.tryAcquire();
        String claim = local ? newClaim() : null;
        ConnectionRun run;
        try {
            run = connections.enqueue(workspace, connection, "manual:" + actor, actor, claim, lease);
        } catch (RuntimeException e) {
            if (local) {
                free.release();
            }
            throw e;
        }
        if (local) {
            work(run.id(), claim);
        }
        return run;
    }

    @Override
    public Optional<Instant> oldestWaiting() {
        return store.oldestWaiting();
    }

    private String newClaim() {
        return node + "/" + UUID.randomUUID();
    }

    private void claimWaiting() {
        try {
            while (!stopped && free.tryAcquire()) {
                String claim = newClaim();
                Optional<UUID> run = transactions.execute(status -> store.claimNext(claim, lease));
                if (run == null || run.isEmpty()) {
                    free.release();
                    return;
                }
                work(run.get(), claim);
            }
        } catch (RuntimeException e) {
            log.warn("Could not claim queued collector runs: {}", e.getMessage());
        }
    }

    private void work(UUID run, String claim) {
        held.put(run, claim);
        try {
            workers.submit(() -> {
                try {
                    connections.runClaimed(run, claim);
                } catch (RuntimeException e) {
                    log.warn("Run {} ended without its outcome recorded on this node", run, e);
                } finally {
                    held.remove(run);
                    free.release();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            held.remove(run);
            free.release();
        }
    }

    private void renewHeld() {
        held.forEach((run, claim) -> {
            try {
                if (!store.renew(run, claim, lease)) {
                    log.warn("Lost the claim on run {}: another node may have taken it over", run);
                    held.remove(run, claim);
                }
            } catch (RuntimeException e) {
                log.warn("Could not renew the claim on run {}: {}", run, e.getMessage());
            }
        });
    }

    /** Hands this node's unfinished runs back to the queue, so that another node takes them at once. */
    @PreDestroy
    void stop() {
        stopped = true;
        ticks.shutdownNow();
        held.forEach((run, claim) -> {
            try {
                store.release(run, claim);
            } catch (RuntimeException e) {
                // the database is gone too: the claim lapses one lease later and another node takes the run
                log.warn("Could not hand run {} back to the queue: {}", run, e.getMessage());
            }
        });
        workers.shutdownNow();
    }
}
