package dev.attest.monitoring;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/**
 * A connection's run ended: one record per outcome, audited as {@code monitoring.run-succeeded} (resources
 * collected) or {@code monitoring.run-failed} (with its error).
 */
public sealed interface ConnectionRunFinished extends MonitoringEvent {

    UUID connectionId();

    UUID runId();

    /** The run's status as the audit trail and the run's row name it: succeeded or failed, the last word of the action name. */
    default String status() {
        return action().substring("monitoring.run-".length());
    }

    @Override
    default String target() {
        return "connection:" + connectionId();
    }

    /** The run collected what the connection reads (some parts may have had problems, noted on the run). */
    @RecordedAs("monitoring.run-succeeded")
    record ConnectionRunSucceeded(WorkspaceId workspaceId, UUID connectionId, UUID runId, Integer resourcesSeen, String actor)
            implements ConnectionRunFinished {

        @Override
        public String summary() {
            return "run collected " + resourcesSeen + " resource(s)";
        }
    }

    /** The run collected nothing: the system could not be reached, refused the credentials, or answered wrongly. */
    @RecordedAs("monitoring.run-failed")
    record ConnectionRunFailed(WorkspaceId workspaceId, UUID connectionId, UUID runId, String error, String actor)
            implements ConnectionRunFinished {

        @Override
        public String summary() {
            return "run failed: " + error;
        }
    }
}
