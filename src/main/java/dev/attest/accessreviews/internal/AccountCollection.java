package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountSource;
import dev.attest.accessreviews.AccountsCollected;
import dev.attest.accessreviews.SourceTarget;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reads a system's accounts through its source and keeps them as the system's current accounts; then
 * checks the system's open remediation tasks against what was read. A source that cannot be reached
 * leaves the accounts as they were and records the error on the system.
 */
@Service
@RequiredArgsConstructor
class AccountCollection {

    private final Systems systems;
    private final SystemStore store;
    private final RemediationTasks tasks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Reads the system now; the error is recorded on the system (in its own transaction) and thrown. */
    List<Account> collect(WorkspaceId workspace, UUID systemId, String actor) throws AccountSource.SourceUnavailable {
        SystemStore.Row system = systems.row(workspace, systemId);
        List<Account> accounts;
        try {
            SourceTarget target = new SourceTarget(workspace, system.id(), system.name(), system.connectionId(), system.target(),
                    system.settings(), systems.secrets(system));
            accounts = systems.source(system.kind()).accounts(target);
        } catch (AccountSource.SourceUnavailable e) {
            store.collected(workspace, systemId, clock.instant(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            String message = "unexpected error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            store.collected(workspace, systemId, clock.instant(), message);
            throw new AccountSource.SourceUnavailable(message, e);
        }
        keep(workspace, system, accounts, actor);
        return accounts;
    }

    /** Stores accounts read elsewhere (a CSV upload) as the system's new collection. */
    void keep(WorkspaceId workspace, SystemStore.Row system, List<Account> accounts, String actor) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            store.lockForCollection(workspace, system.id());
            store.replaceAccounts(workspace, system.id(), accounts, now);
            store.collected(workspace, system.id(), now, null);
            int verified = tasks.verify(workspace, system.id(), accounts);
            events.publishEvent(new AccountsCollected(workspace, actor, system.id(), system.name(), accounts.size(), verified));
        });
    }

    /**
     * A CSV system's accounts from an uploaded file: checked row by row, and kept unless {@code preview}
     * or any row is bad (the parse result names every bad row and column).
     */
    CsvAccounts.Parsed upload(WorkspaceId workspace, UUID systemId, String csv, boolean preview, String actor) {
        SystemStore.Row system = systems.row(workspace, systemId);
        if (!"csv".equals(system.kind())) {
            throw new InvalidFieldException("kind", "only a csv system takes uploads; " + system.name() + " is " + system.kind());
        }
        CsvAccounts.Parsed parsed = CsvAccounts.parse(system.name(), csv);
        if (parsed.valid() && !preview) {
            keep(workspace, system, parsed.accounts(), actor);
        }
        return parsed;
    }
}
