package dev.attest.monitoring;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/**
 * Someone created, changed or deleted a connection: one record per fact, each audited as
 * {@code monitoring.connection-created}, {@code -changed} or {@code -deleted}, and summed up in the
 * last word of that name.
 */
public sealed interface ConnectionSaved extends MonitoringEvent {

    UUID connectionId();

    /** The connection's name when it was saved (or deleted). */
    String name();

    @Override
    default String target() {
        return "connection:" + connectionId();
    }

    @Override
    default String summary() {
        return "connection '" + name() + "' " + action().substring("monitoring.connection-".length());
    }

    /** A new connection to a system. */
    @RecordedAs("monitoring.connection-created")
    record ConnectionCreated(WorkspaceId workspaceId, UUID connectionId, String name, String actor) implements ConnectionSaved {
    }

    /** A connection's name, target, credentials, interval or switch was written again. */
    @RecordedAs("monitoring.connection-changed")
    record ConnectionChanged(WorkspaceId workspaceId, UUID connectionId, String name, String actor) implements ConnectionSaved {
    }

    /** A connection was deleted, with its runs. */
    @RecordedAs("monitoring.connection-deleted")
    record ConnectionDeleted(WorkspaceId workspaceId, UUID connectionId, String name, String actor) implements ConnectionSaved {
    }
}
