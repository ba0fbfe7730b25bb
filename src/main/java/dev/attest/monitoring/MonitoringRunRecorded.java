package dev.attest.monitoring;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/**
 * A monitoring run (a push, a collection, a check saved, a full run) was written: one audit entry
 * with its counts, however many results and findings it touched. Each finding keeps its own
 * history (opened, closed, reopened) on the finding.
 *
 * @param received resources the run received or read
 * @param changed  resources that were new, changed or removed
 */
@RecordedAs("monitoring.run")
public record MonitoringRunRecorded(WorkspaceId workspaceId, String trigger, String actor, int received, int changed, int opened,
                                    int reopened, int closed) implements MonitoringEvent {

    @Override
    public String target() {
        return "monitoring:" + trigger;
    }

    @Override
    public String summary() {
        return received + " resource(s) received, " + changed + " changed; findings: " + opened + " opened, " + reopened + " reopened, "
                + closed + " closed";
    }
}
