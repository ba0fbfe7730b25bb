package dev.attest.risks;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A risk was recorded in the register. */
@RecordedAs("risks.recorded")
public record RiskRecorded(WorkspaceId workspaceId, String actor, UUID riskId, String title) implements RiskEvent.OfRisk {
}
