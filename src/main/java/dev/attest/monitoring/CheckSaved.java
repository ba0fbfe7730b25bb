package dev.attest.monitoring;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/**
 * Someone created, changed or deleted one of the workspace's own checks: one record per fact, each
 * audited as {@code monitoring.check-created}, {@code -changed} or {@code -deleted}, and summed up
 * in the last word of that name.
 */
public sealed interface CheckSaved extends MonitoringEvent {

    String checkKey();

    @Override
    default String target() {
        return "check:" + checkKey();
    }

    @Override
    default String summary() {
        return "check " + checkKey() + " " + action().substring("monitoring.check-".length());
    }

    /** A new check of the workspace's own. */
    @RecordedAs("monitoring.check-created")
    record CheckCreated(WorkspaceId workspaceId, String checkKey, String actor) implements CheckSaved {
    }

    /** One of the workspace's checks was written again. */
    @RecordedAs("monitoring.check-changed")
    record CheckChanged(WorkspaceId workspaceId, String checkKey, String actor) implements CheckSaved {
    }

    /** One of the workspace's checks was deleted; its results went and its open findings closed. */
    @RecordedAs("monitoring.check-deleted")
    record CheckDeleted(WorkspaceId workspaceId, String checkKey, String actor) implements CheckSaved {
    }
}
