package dev.attest.monitoring;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/**
 * A connection's run ended: one record per outcome, audited as {@code monitoring.run-succeeded} (resources
 * collected) or {@code monitoring.run-failed} (with its error).
 */
public sealed interface ConnectionRunFinished extends MonitoringEvent {

    UUID connectionId();

    UUID runId();

    /** The run's status as the audit trail and the run's row name it: succeeded or failed. */
    String status();

    @Override
    default String action() {
        return "monitoring.run-" + status();
    }

    @Override
    default String target() {
        return "connection:" + connectionId();
    }

    /** The run collected what the connection reads (some parts may have had problems, noted on the run). */
    record ConnectionRunSucceeded(WorkspaceId workspaceId, UUID connectionId, UUID runId, Integer resourcesSeen, String actor)
            implements ConnectionRunFinished {

        @Override
        public String status() {
            return "succeeded";
        }

        @Override
        public String summary() {
            return "run collected " + resourcesSeen + " resource(s)";
        }
    }

    /** The run collected nothing: the system could not be reached, refused the credentials, or answered wrongly. */
    record ConnectionRunFailed(WorkspaceId workspaceId, UUID connectionId, UUID runId, String error, String actor)
            implements ConnectionRunFinished {

        @Override
        public String status() {
            return "failed";
        }

        @Override
        public String summary() {
            return "run failed: " + error;
        }
    }
}
