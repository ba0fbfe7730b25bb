package dev.attest.evidence.internal;

import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes stored content that no evidence names: bytes are written before the evidence row commits, so
 * a crash or a rolled-back upload in between leaves an orphan. Only content older than a day goes, so
 * that an upload whose transaction is still open is never touched.
 */
@Component
@RequiredArgsConstructor
public class EvidenceOrphans {

    /** How old unreferenced content must be before it is removed. */
    public static final Duration GRACE = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(EvidenceOrphans.class);
    private static final int BATCH = 500;

    private final EvidenceStorage storage;
    private final EvidenceItemStore items;
    private final Clock clock;

    @Scheduled(cron = "${attest.evidence.orphan-sweep-cron:0 41 4 * * *}", zone = "UTC")
    @SchedulerLock(name = "evidence.orphan-sweep")
    void scheduled() throws IOException {
        sweep(clock.instant());
    }

    /** Removes unreferenced content written before {@code now - GRACE}; returns how many went. */
    public int sweep(Instant now) throws IOException {
        Instant cutoff = now.minus(GRACE);
        List<String> candidates = new ArrayList<>();
        storage.forEachStored((sha, written) -> {
            if (written.isBefore(cutoff)) {
                candidates.add(sha);
            }
        });
        int removed = 0;
        for (int from = 0; from < candidates.size(); from += BATCH) {
            List<String> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            Set<String> named = items.named(batch);
            for (String sha : batch) {
                if (!named.contains(sha)) {
                    storage.delete(sha);
                    removed++;
                }
            }
        }
        if (removed > 0) {
            log.info("Removed {} evidence object(s) that no evidence names (older than {})", removed, GRACE);
        }
        return removed;
    }
}
