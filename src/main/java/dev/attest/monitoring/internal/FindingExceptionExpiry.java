package dev.attest.monitoring.internal;

import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few minutes, risk-acceptance exceptions that reached their expiry end and their findings are open again. */
@Component
@RequiredArgsConstructor
class FindingExceptionExpiry {

    private final FindingWork work;

    @Scheduled(fixedDelayString = "${attest.monitoring.exception-expiry-interval:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "monitoring.exception-expiry", lockAtMostFor = "PT10M")
    void expire() {
        // a large backlog is taken a thousand at a time, each batch in its own transaction
        int ended;
        do {
            ended = work.expireLapsed();
        } while (ended == 1000);
    }
}
