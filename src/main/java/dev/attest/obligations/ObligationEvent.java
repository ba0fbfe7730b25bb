package dev.attest.obligations;

import dev.attest.identity.WorkspaceEvent;

import java.util.UUID;

/**
 * One fact about a workspace's obligations, for the audit trail and any listener: a listener
 * subscribes to the record it cares about. A record carries its facts and its trail name
 * ({@link dev.attest.identity.RecordedAs}); what the facts of one duty share (their target) is said
 * once, in {@link OfDuty}.
 */
public sealed interface ObligationEvent extends WorkspaceEvent permits ObligationEvent.OfDuty, ReminderLeadTimeChanged {

    /** A fact about one recurring duty: its target is the duty. */
    sealed interface OfDuty extends ObligationEvent permits RecurringDutyScheduled, RecurringDutyCompleted {

        /** The duty the fact is about. */
        UUID dutyId();

        @Override
        default String target() {
            return "duty:" + dutyId();
        }
    }
}
