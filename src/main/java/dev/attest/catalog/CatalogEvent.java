package dev.attest.catalog;

import dev.attest.identity.WorkspaceEvent;

/**
 * One fact about the catalog, for the audit trail and any listener: a listener subscribes to the
 * record it cares about, and a switch over this interface sees every kind.
 */
public sealed interface CatalogEvent extends WorkspaceEvent permits FrameworkImported, RequirementMapped {

    /** Which kind of fact this is. */
    CatalogAction kind();

    /** The framework the fact is about. */
    String frameworkId();

    @Override
    default String action() {
        return kind().auditName();
    }
}
