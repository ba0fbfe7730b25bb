package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The scheduled work: due connections are queued every minute (any node's {@link RunQueue} then runs
 * them), and an hourly evaluation of every workspace keeps resources from record modules and time-based
 * checks current. ShedLock's row in the database makes each job run on one node at a time.
 */
@Component
@RequiredArgsConstructor
class MonitoringJobs {

    private final Connections connections;
    private final EvaluationRun runs;
    private final ConnectionStore store;
    private final Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    void closeAbandonedRuns() {
        store.abandonRunning(clock.instant());
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
    @SchedulerLock(name = "monitoring.connections", lockAtMostFor = "PT30M")
    void runDueConnections() {
        connections.runDue();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "monitoring.evaluate-all", lockAtMostFor = "PT50M")
    void evaluateAll() {
        for (WorkspaceId workspace : runs.workspaces()) {
            runs.evaluate(workspace, "schedule");
        }
    }
}
