package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Framework;
import dev.attest.web.SharedCaches;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Keeps every node's in-memory catalog true to the imported frameworks in the database: a node that
 * imports or re-maps a framework updates its own catalog once the transaction commits and bumps the
 * {@value #CACHE} generation, and every other node reloads the imported frameworks when it sees the
 * generation move (within {@code attest.cluster.cache-poll}).
 */
@Component
class ImportedFrameworks {

    static final String CACHE = "catalog.imported-frameworks";

    private final Catalog catalog;
    private final ImportedFrameworkStore store;
    private final SharedCaches shared;
    /** Held while a reload reads and applies, so that a reload that read before a local change commits never lands after it. */
    private final Object applying = new Object();

    ImportedFrameworks(Catalog catalog, ImportedFrameworkStore store, SharedCaches shared) {
        this.catalog = catalog;
        this.store = store;
        this.shared = shared;
        shared.onChange(CACHE, this::reload);
    }

    /** Reads every imported framework from the database into the catalog. */
    void reload() {
        synchronized (applying) {
            List<Framework> imported = store.all();
            if (!imported.isEmpty()) {
                catalog.addImported(imported);
            }
        }
    }

    /** Puts the framework into this node's catalog after the caller's transaction commits, and tells the other nodes. */
    void changed(Framework framework) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            apply(framework);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                apply(framework);
            }
        });
    }

    private void apply(Framework framework) {
        synchronized (applying) {
            catalog.addImported(List.of(framework));
        }
        shared.changed(CACHE);
    }
}
