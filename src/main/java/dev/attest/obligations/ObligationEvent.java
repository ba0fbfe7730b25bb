package dev.attest.obligations;

import dev.attest.identity.WorkspaceEvent;

/**
 * One fact about a workspace's obligations, for the audit trail and any listener: a listener
 * subscribes to the record it cares about, and a switch over this interface sees every kind.
 */
public sealed interface ObligationEvent extends WorkspaceEvent
        permits RecurringDutyScheduled, RecurringDutyCompleted, ReminderLeadTimeChanged {

    /** Which kind of fact this is. */
    ObligationAction kind();

    @Override
    default String action() {
        return kind().auditName();
    }
}
