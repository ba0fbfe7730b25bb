package dev.attest.auditlog.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Not a test (surefire's default includes skip the name): run by bench/auditlog/run.sh. Appends
 * entries the way events do, one transaction each, and prints entries per second for one writer,
 * several writers on one workspace's chain (they queue on the chain head) and several writers on
 * separate workspaces; then the rate at which verification recomputes a chain.
 */
@AttestTest
class AuditTrailBenchmark {

    @Autowired
    AuditStore store;

    @Autowired
    Clock clock;

    private final int entries = Integer.getInteger("bench.entries", 2000);
    private final int writers = Integer.getInteger("bench.writers", 4);

    @Test
    void measure() throws Exception {
        run("warm-up", 1, false, entries / 4);
        UUID single = run("1 writer, 1 workspace", 1, false, entries);
        run(writers + " writers, 1 workspace", writers, false, entries);
        run(writers + " writers, " + writers + " workspaces", writers, true, entries);
        long start = System.nanoTime();
        var verification = store.verify(new WorkspaceId(single));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH verify: %d entries in %.2f s = %.0f entries/s (valid=%s)%n", verification.entries(), seconds,
                verification.entries() / seconds, verification.valid());
    }

    private UUID run(String label, int threads, boolean separateChains, int total) throws Exception {
        UUID shared = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            UUID chain = separateChains ? UUID.randomUUID() : shared;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < total / threads; i++) {
                    store.append(chain, clock.instant(), "bench@example.test", "bench.appended", "bench:" + i,
                            "status not_started -> implemented", "127.0.0.1", "bench/1.0");
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        int written = (total / threads) * threads;
        if (!label.equals("warm-up")) {
            System.out.printf("BENCH append, %s: %d entries in %.2f s = %.0f entries/s%n", label, written, seconds, written / seconds);
        }
        return shared;
    }
}
