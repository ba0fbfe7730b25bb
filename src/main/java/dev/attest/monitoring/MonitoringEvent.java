package dev.attest.monitoring;

import dev.attest.identity.WorkspaceEvent;

/**
 * Everything monitoring publishes, one record per fact: a check created, changed or deleted, a
 * connection saved, a connection's run finished, a monitoring run recorded with its counts, and a
 * finding worked ({@link FindingWorkEvent}). A listener subscribes to the record it needs; the audit
 * trail records them all through {@link WorkspaceEvent}, under the action names it always used (each
 * record's {@link dev.attest.identity.RecordedAs}).
 */
public sealed interface MonitoringEvent extends WorkspaceEvent
        permits CheckSaved, ConnectionSaved, ConnectionRunFinished, MonitoringRunRecorded, FindingWorkEvent {
}
