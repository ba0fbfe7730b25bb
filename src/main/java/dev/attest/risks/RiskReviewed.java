package dev.attest.risks;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A risk was reviewed; its next review falls due a year later. */
@RecordedAs("risks.reviewed")
public record RiskReviewed(WorkspaceId workspaceId, String actor, UUID riskId, String title) implements RiskEvent.OfRisk {
}
