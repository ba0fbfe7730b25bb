package dev.attest.catalog;

import dev.attest.identity.WorkspaceEvent;

/**
 * One fact about the catalog, for the audit trail and any listener: a listener subscribes to the
 * record it cares about. A record carries its facts and its trail name
 * ({@link dev.attest.identity.RecordedAs}).
 */
public sealed interface CatalogEvent extends WorkspaceEvent permits FrameworkImported, RequirementMapped {

    /** The framework the fact is about. */
    String frameworkId();
}
