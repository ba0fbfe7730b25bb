package dev.attest.risks;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A risk was reviewed; its next review falls due a year later. */
public record RiskReviewed(WorkspaceId workspaceId, String actor, UUID riskId, String title) implements RiskEvent.OfRisk {

    @Override
    public String action() {
        return "risks.reviewed";
    }
}
