package dev.attest.risks;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

/**
 * A risk was recorded, updated, reviewed or removed.
 *
 * @param action {@code risks.recorded}, {@code risks.updated} or {@code risks.removed}
 */
public record RiskChanged(WorkspaceId workspaceId, String actor, String action, java.util.UUID riskId, String title)
        implements WorkspaceEvent {

    @Override
    public String target() {
        return "risk:" + riskId;
    }

    @Override
    public String summary() {
        return action.substring("risks.".length()) + " " + title;
    }
}
