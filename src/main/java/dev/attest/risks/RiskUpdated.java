package dev.attest.risks;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A risk was changed. */
public record RiskUpdated(WorkspaceId workspaceId, String actor, UUID riskId, String title) implements RiskEvent.OfRisk {

    @Override
    public String action() {
        return "risks.updated";
    }
}
