package dev.attest.monitoring;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/**
 * Someone created, changed or deleted a connection: one record per fact, each audited as
 * {@code monitoring.connection-created}, {@code -changed} or {@code -deleted}.
 */
public sealed interface ConnectionSaved extends MonitoringEvent {

    UUID connectionId();

    /** The connection's name when it was saved (or deleted). */
    String name();

    /** The past participle the audit trail names: created, changed or deleted. */
    String change();

    @Override
    default String action() {
        return "monitoring.connection-" + change();
    }

    @Override
    default String target() {
        return "connection:" + connectionId();
    }

    @Override
    default String summary() {
        return "connection '" + name() + "' " + change();
    }

    /** A new connection to a system. */
    record ConnectionCreated(WorkspaceId workspaceId, UUID connectionId, String name, String actor) implements ConnectionSaved {
        @Override
        public String change() {
            return "created";
        }
    }

    /** A connection's name, target, credentials, interval or switch was written again. */
    record ConnectionChanged(WorkspaceId workspaceId, UUID connectionId, String name, String actor) implements ConnectionSaved {
        @Override
        public String change() {
            return "changed";
        }
    }

    /** A connection was deleted, with its runs. */
    record ConnectionDeleted(WorkspaceId workspaceId, UUID connectionId, String name, String actor) implements ConnectionSaved {
        @Override
        public String change() {
            return "deleted";
        }
    }
}
