package dev.attest.monitoring;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone worked a finding: each fact is its own record, so a listener subscribes to the one it
 * needs; the audit trail records them all through {@link WorkspaceEvent}.
 */
public sealed interface FindingWorkEvent extends MonitoringEvent {

    UUID findingId();

    @Override
    default String target() {
        return "finding:" + findingId();
    }

    /** The finding was given to a member to fix, or taken back when {@code assignee} is null. */
    @RecordedAs("monitoring.finding-assigned")
    record FindingAssigned(WorkspaceId workspaceId, UUID findingId, String assignee, String actor) implements FindingWorkEvent {
        @Override
        public String summary() {
            return assignee == null ? "finding unassigned" : "finding assigned to " + assignee;
        }
    }

    /** Someone wrote a comment on the finding. */
    @RecordedAs("monitoring.finding-commented")
    record FindingCommented(WorkspaceId workspaceId, UUID findingId, String actor) implements FindingWorkEvent {
        @Override
        public String summary() {
            return "comment on finding";
        }
    }

    /** The ticket that tracks the fix was linked. */
    @RecordedAs("monitoring.finding-ticket-linked")
    record FindingTicketLinked(WorkspaceId workspaceId, UUID findingId, String ticketUrl, String actor) implements FindingWorkEvent {
        @Override
        public String summary() {
            return "ticket " + ticketUrl + " linked";
        }
    }

    /** Someone asked that the finding's risk be accepted until a date; the approver named must agree. */
    @RecordedAs("monitoring.finding-acceptance-requested")
    record RiskAcceptanceRequested(WorkspaceId workspaceId, UUID findingId, String approver, Instant expiresAt, String actor)
            implements FindingWorkEvent {
        @Override
        public String summary() {
            return "risk acceptance requested of " + approver + " until " + expiresAt;
        }
    }

    /** The approver accepted the finding's risk: an exception until {@code expiresAt}. */
    @RecordedAs("monitoring.finding-risk-accepted")
    record RiskAccepted(WorkspaceId workspaceId, UUID findingId, Instant expiresAt, String actor) implements FindingWorkEvent {
        @Override
        public String summary() {
            return "risk accepted until " + expiresAt;
        }
    }

    /** An exception reached its expiry: the finding is open again. */
    @RecordedAs("monitoring.finding-acceptance-expired")
    record RiskAcceptanceExpired(WorkspaceId workspaceId, UUID findingId, Instant expiredAt) implements FindingWorkEvent {
        @Override
        public String actor() {
            return "system";
        }

        @Override
        public String summary() {
            return "risk acceptance expired; the finding is open again";
        }
    }
}
