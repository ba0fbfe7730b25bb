package dev.attest.monitoring;

import dev.attest.identity.WorkspaceId;

/**
 * Someone created, changed or deleted one of the workspace's own checks: one record per fact, each
 * audited as {@code monitoring.check-created}, {@code -changed} or {@code -deleted}.
 */
public sealed interface CheckSaved extends MonitoringEvent {

    String checkKey();

    /** The past participle the audit trail names: created, changed or deleted. */
    String change();

    @Override
    default String action() {
        return "monitoring.check-" + change();
    }

    @Override
    default String target() {
        return "check:" + checkKey();
    }

    @Override
    default String summary() {
        return "check " + checkKey() + " " + change();
    }

    /** A new check of the workspace's own. */
    record CheckCreated(WorkspaceId workspaceId, String checkKey, String actor) implements CheckSaved {
        @Override
        public String change() {
            return "created";
        }
    }

    /** One of the workspace's checks was written again. */
    record CheckChanged(WorkspaceId workspaceId, String checkKey, String actor) implements CheckSaved {
        @Override
        public String change() {
            return "changed";
        }
    }

    /** One of the workspace's checks was deleted; its results went and its open findings closed. */
    record CheckDeleted(WorkspaceId workspaceId, String checkKey, String actor) implements CheckSaved {
        @Override
        public String change() {
            return "deleted";
        }
    }
}
