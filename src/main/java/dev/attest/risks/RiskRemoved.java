package dev.attest.risks;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A risk was removed from the register. */
@RecordedAs("risks.removed")
public record RiskRemoved(WorkspaceId workspaceId, String actor, UUID riskId, String title) implements RiskEvent.OfRisk {
}
