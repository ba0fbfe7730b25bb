package dev.attest.evidence.internal;

import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Signs every ledger head that moved since its last checkpoint, so that slow ledgers get signed too. */
@Component
@RequiredArgsConstructor
class LedgerCheckpoints {

    private final Ledger ledger;
    private final TransactionTemplate transactions;

    @Scheduled(fixedDelayString = "${attest.evidence.checkpoint-interval:PT10M}")
    @SchedulerLock(name = "evidence.ledger-checkpoints")
    void signMovedHeads() {
        for (WorkspaceId workspace : ledger.unsigned()) {
            transactions.executeWithoutResult(status -> ledger.checkpoint(workspace));
        }
    }
}
