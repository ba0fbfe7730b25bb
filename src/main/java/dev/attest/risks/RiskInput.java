package dev.attest.risks;

import java.util.List;

/**
 * A risk as typed in a form, a JSON body or a CSV row, before validation: every value still text,
 * so that each bad one can be named. {@code internal.RiskForms} checks it and converts it into a {@link RecordRisk}.
 */
public record RiskInput(String title, String description, String category, String owner,
                        String inherentLikelihood, String inherentImpact, String residualLikelihood, String residualImpact,
                        String treatment, String acceptanceApprover, String acceptanceExpiresOn,
                        List<String> controls, String reviewedOn) {

    public RiskInput {
        controls = controls == null ? List.of() : List.copyOf(controls);
    }

    /** The input that reproduces a stored risk, for edits that change only some fields. */
    public static RiskInput of(Risk r) {
        return new RiskInput(r.title(), r.description(), r.category(), r.owner(),
                String.valueOf(r.inherentLikelihood()), String.valueOf(r.inherentImpact()),
                String.valueOf(r.residualLikelihood()), String.valueOf(r.residualImpact()),
                r.treatment().wireName(), r.acceptanceApprover(),
                r.acceptanceExpiresOn() == null ? null : r.acceptanceExpiresOn().toString(),
                r.controls(), r.reviewedOn().toString());
    }

    /** The same input reviewed on another day. */
    public RiskInput withReviewedOn(String day) {
        return new RiskInput(title, description, category, owner, inherentLikelihood, inherentImpact, residualLikelihood, residualImpact,
                treatment, acceptanceApprover, acceptanceExpiresOn, controls, day);
    }
}
