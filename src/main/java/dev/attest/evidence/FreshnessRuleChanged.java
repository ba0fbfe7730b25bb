package dev.attest.evidence;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** A workspace set how many days evidence keeps a control proven. */
@RecordedAs("evidence.freshness-changed")
public record FreshnessRuleChanged(WorkspaceId workspaceId, String control, int days, String actor) implements EvidenceEvent {

    @Override
    public String target() {
        return "control:" + control;
    }

    @Override
    public String summary() {
        return "evidence of " + control + " is fresh for " + days + " days";
    }
}
