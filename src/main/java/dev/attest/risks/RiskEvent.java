package dev.attest.risks;

import dev.attest.identity.WorkspaceEvent;

/**
 * What happened in the risk register, one record per fact; the audit trail records each under its
 * {@link dev.attest.identity.RecordedAs} name.
 */
public sealed interface RiskEvent extends WorkspaceEvent permits RiskEvent.OfRisk, RisksImported, RiskAssessmentRecorded {

    /** A fact about one risk: its target is the risk, its summary the verb and the title. */
    sealed interface OfRisk extends RiskEvent permits RiskRecorded, RiskUpdated, RiskReviewed, RiskRemoved {

        java.util.UUID riskId();

        String title();

        @Override
        default String target() {
            return "risk:" + riskId();
        }

        @Override
        default String summary() {
            return action().substring("risks.".length()) + " " + title();
        }
    }
}
