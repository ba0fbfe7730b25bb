package dev.attest.risks;

import dev.attest.identity.WorkspaceId;

/** A risk assessment was recorded. */
public record RiskAssessmentRecorded(WorkspaceId workspaceId, String actor, RiskAssessment assessment) implements RiskEvent {

    @Override
    public String action() {
        return "risks.assessed";
    }

    @Override
    public String target() {
        return "risk-assessment:" + assessment.id();
    }

    @Override
    public String summary() {
        return "risk assessment of " + assessment.assessedOn();
    }
}
