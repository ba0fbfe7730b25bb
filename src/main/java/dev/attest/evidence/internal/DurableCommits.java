package dev.attest.evidence.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Makes an evidence commit durable before the upload is acknowledged. PostgreSQL already is (its
 * write-ahead log is synced at commit); the embedded H2 writes committed changes in the background
 * about every half second and has no log to replay, so a process killed in that window loses them:
 * on H2, each evidence commit is followed by {@code CHECKPOINT SYNC}.
 */
@Component
public class DurableCommits {

    private final EvidenceItemStore store;
    private final boolean h2;

    DurableCommits(DataSource dataSource, EvidenceItemStore store) throws SQLException {
        this.store = store;
        try (Connection connection = dataSource.getConnection()) {
            this.h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
        }
    }

    /** Within a transaction: once it commits, force it to disk (on H2). */
    public void afterCommit() {
        if (!h2 || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                store.syncToDisk();
            }
        });
    }
}
