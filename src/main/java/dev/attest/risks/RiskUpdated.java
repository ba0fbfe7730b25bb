package dev.attest.risks;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A risk was changed. */
@RecordedAs("risks.updated")
public record RiskUpdated(WorkspaceId workspaceId, String actor, UUID riskId, String title) implements RiskEvent.OfRisk {
}
