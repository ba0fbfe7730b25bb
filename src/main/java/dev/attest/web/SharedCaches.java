package dev.attest.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps in-memory caches true on every node: a module that changes what a cache shows calls
 * {@link #changed}, which bumps the cache's generation row in {@code cache_generation}; every node polls
 * that table (every {@code attest.cluster.cache-poll}, 250 ms by default) and runs the cache's clear
 * action when the generation moved. A version row rather than PostgreSQL's LISTEN/NOTIFY, so that the
 * same code runs on H2 and through connection poolers; a change shows on every node within a second.
 */
@Component
public class SharedCaches implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SharedCaches.class);

    private final JdbcClient jdbc;
    private final Duration poll;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "attest-cache-generations");
        thread.setDaemon(true);
        return thread;
    });

    private final TransactionTemplate ownTransaction;

    SharedCaches(JdbcClient jdbc, PlatformTransactionManager transactions, @Value("${attest.cluster.cache-poll:250ms}") Duration poll) {
        this.jdbc = jdbc;
        this.poll = poll;
        // Callers are usually after-commit listeners, whose writes would otherwise join the finished transaction.
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs {@code clear} on this node whenever any node reports a change to the named cache. */
    public void onChange(String cache, Runnable clear) {
        listeners.computeIfAbsent(cache, name -> new CopyOnWriteArrayList<>()).add(clear);
    }

    /** Tells every node (this one included) that the named cache is stale. Call it after the change commits. */
    public void changed(String cache) {
        try {
            ownTransaction.executeWithoutResult(status -> bump(cache));
        } catch (DuplicateKeyException raced) {
            // another node created the row at the same moment: it exists now
            ownTransaction.executeWithoutResult(status -> bump(cache));
        }
    }

    private void bump(String cache) {
        int updated = jdbc.sql("update cache_generation set generation = generation + 1 where name = ?").param(cache).update();
        if (updated == 0) {
            jdbc.sql("insert into cache_generation (name, generation) values (?, 1)").param(cache).update();
        }
    }

    /** Reads every generation and clears the caches whose generation moved since the last look. */
    void poll() {
        List<Map.Entry<String, Long>> rows = jdbc.sql("select name, generation from cache_generation")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
        for (Map.Entry<String, Long> row : rows) {
            Long before = seen.put(row.getKey(), row.getValue());
            if (before != null && !before.equals(row.getValue())) {
                listeners.getOrDefault(row.getKey(), List.of()).forEach(Runnable::run);
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        poll();
        poller.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (DataAccessException | IllegalStateException e) {
                // the database is away for a moment (or the node is stopping): the next poll catches up
                log.debug("Cache generations not read: {}", e.getMessage());
            }
        }, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
