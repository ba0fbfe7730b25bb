package dev.attest.risks.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.risks.RecordRisk;
import dev.attest.risks.RiskInput;
import dev.attest.risks.Treatment;
import dev.attest.web.FieldChecks;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.Submission;
import dev.attest.web.WireName;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Turns a risk as sent (a page's form, an API body or an import row, all text in {@link RiskInput}) into a checked
 * {@link RecordRisk}: the same conversions and messages for each, every bad field named at once and in the form's
 * order. The rules over stored state and over several fields ({@link RiskRules}) are applied on the way, so that their
 * problems come with the others.
 */
@Component
@RequiredArgsConstructor
public class RiskForms {

    private final Validator validator;
    private final Clock clock;
    private final RiskRules rules;

    /** The command, or an {@link InvalidFieldException} naming every bad field. */
    public RecordRisk risk(WorkspaceId workspace, RiskInput in) {
        Submission s = new Submission(validator, clock);
        String owner = rules.owner(workspace, FieldChecks.trimmed(in.owner()), s);
        Integer il = rating(s, in.inherentLikelihood(), "inherentLikelihood");
        Integer ii = rating(s, in.inherentImpact(), "inherentImpact");
        Integer rl = rating(s, in.residualLikelihood(), "residualLikelihood");
        Integer ri = rating(s, in.residualImpact(), "residualImpact");
        Treatment treatment = s.choice(Treatment.class, in.treatment(), "treatment", "'{value}' is not one of " + WireName.allowed(Treatment.class));
        String approver = FieldChecks.trimmed(in.acceptanceApprover());
        if (approver != null && approver.length() > 320) {
            s.reject("acceptanceApprover", "at most 320 characters");
        }
        LocalDate expires = s.date(in.acceptanceExpiresOn(), "acceptanceExpiresOn", null);
        rules.acceptance(treatment, approver, expires, s);
        rules.controls(in.controls(), s);
        LocalDate reviewed = s.date(in.reviewedOn(), "reviewedOn", null);
        rules.reviewedOn(reviewed, s);
        RecordRisk command = new RecordRisk(in.title(), in.description(), in.category(), owner, il, ii, rl, ri, treatment, approver,
                expires, in.controls(), reviewed == null && !s.rejected("reviewedOn") ? rules.today() : reviewed);
        try {
            return s.valid(command);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(RiskRules.ordered(e.errors()));
        }
    }

    private static Integer rating(Submission s, String value, String field) {
        String v = FieldChecks.trimmed(value);
        Integer n = s.number(v, field, "'{value}' is not a whole number from 1 to 5");
        return n == null || (n >= 1 && n <= 5) ? n : s.reject(field, "'" + v + "' is not a whole number from 1 to 5");
    }
}
