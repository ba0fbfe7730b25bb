package dev.attest.evidence;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

/** A workspace set how many days evidence keeps a control proven. */
public record FreshnessRuleChanged(WorkspaceId workspaceId, String control, int days, String actor) implements WorkspaceEvent {

    @Override
    public String action() {
        return "evidence.freshness-changed";
    }

    @Override
    public String target() {
        return "control:" + control;
    }

    @Override
    public String summary() {
        return "evidence of " + control + " is fresh for " + days + " days";
    }
}
