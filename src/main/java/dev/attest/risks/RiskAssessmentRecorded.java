package dev.attest.risks;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** A risk assessment was recorded. */
@RecordedAs("risks.assessed")
public record RiskAssessmentRecorded(WorkspaceId workspaceId, String actor, RiskAssessment assessment) implements RiskEvent {

    @Override
    public String target() {
        return "risk-assessment:" + assessment.id();
    }

    @Override
    public String summary() {
        return "risk assessment of " + assessment.assessedOn();
    }
}
