package dev.attest.risks.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.risks.Risk;
import dev.attest.risks.RiskAssessment;
import dev.attest.risks.RiskRegister;
import dev.attest.risks.Treatment;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The register's duties for the calendar: each risk's yearly review, each acceptance before it
 * expires, and the yearly risk assessment (due now when none was ever recorded).
 */
@Component
@RequiredArgsConstructor
class RiskObligations implements ObligationSource {

    private final RiskRegister register;
    private final RiskAssessments assessments;
    private final Clock clock;

    @Override
    public List<Obligation> obligations(WorkspaceId workspace) {
        List<Obligation> duties = new ArrayList<>();
        for (Risk r : register.list(workspace)) {
            duties.add(new Obligation("risks:review:" + r.id(), "risk-review", "Review risk: " + r.title(), r.owner(),
                    r.nextReviewOn().atStartOfDay(ZoneOffset.UTC).toInstant(), "/risks/" + r.id()));
            if (r.treatment() == Treatment.ACCEPT && r.acceptanceExpiresOn() != null) {
                duties.add(new Obligation("risks:acceptance:" + r.id(), "risk-acceptance", "Acceptance expires: " + r.title(),
                        r.owner(), r.acceptanceExpiresOn().atStartOfDay(ZoneOffset.UTC).toInstant(), "/risks/" + r.id()));
            }
        }
        List<RiskAssessment> assessments = this.assessments.assessments(workspace);
        LocalDate due = assessments.isEmpty() ? LocalDate.now(clock) : assessments.get(0).assessedOn().plusYears(1);
        duties.add(new Obligation("risks:assessment", "risk-assessment", "Yearly risk assessment", null,
                due.atStartOfDay(ZoneOffset.UTC).toInstant(), "/risks#assessments"));
        return duties;
    }
}
