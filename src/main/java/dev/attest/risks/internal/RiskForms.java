package dev.attest.risks.internal;

import dev.attest.catalog.Catalog;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a risk as sent (a page's form, an API body or an import row, all text in {@link RiskInput}) into a checked
 * {@link RecordRisk}: the same conversions and messages for each, every bad field named at once and in the form's
 * order. The rules over stored state stay here too: the owner is a member, the controls are the catalog's, an
 * accepted risk names its approver and expiry, and a review is not in the future.
 */
@Component
@RequiredArgsConstructor
public class RiskForms {

    /** The fields in the order a form shows them, so errors come in that order. */
    static final List<String> FIELDS = List.of("title", "description", "category", "owner", "inherentLikelihood", "inherentImpact",
            "residualLikelihood", "residualImpact", "treatment", "acceptanceApprover", "acceptanceExpiresOn", "controls", "reviewedOn");

    private final Validator validator;
    private final Clock clock;
    private final WorkspaceMembers members;
    private final Catalog catalog;

    /** The command, or an {@link InvalidFieldException} naming every bad field. */
    public RecordRisk risk(WorkspaceId workspace, RiskInput in) {
        Submission s = new Submission(validator, clock);
        String owner = FieldChecks.trimmed(in.owner());
        if (owner != null) {
            owner = members.memberByEmail(workspace, owner).map(m -> m.email())
                    .orElseGet(() -> s.reject("owner", "no member of this workspace has the email " + FieldChecks.trimmed(in.owner())));
        }
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
        if (treatment == Treatment.ACCEPT) {
            if (approver == null && !s.rejected("acceptanceApprover")) {
                s.reject("acceptanceApprover", "an accepted risk needs the name of who accepted it");
            }
            if (expires == null && !s.rejected("acceptanceExpiresOn")) {
                s.reject("acceptanceExpiresOn", "an accepted risk needs the date its acceptance expires");
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String key : in.controls()) {
            if (key != null && !key.isBlank() && catalog.control(key.strip().toUpperCase(Locale.ROOT)).isEmpty()) {
                unknown.add(key.strip());
            }
        }
        if (!unknown.isEmpty()) {
            s.reject("controls", "not controls of the catalog: " + String.join(", ", unknown));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate reviewed = s.date(in.reviewedOn(), "reviewedOn", null);
        if (reviewed != null && reviewed.isAfter(today)) {
            s.reject("reviewedOn", "cannot be in the future");
        }
        RecordRisk command = new RecordRisk(in.title(), in.description(), in.category(), owner, il, ii, rl, ri, treatment, approver,
                expires, in.controls(), reviewed == null && !s.rejected("reviewedOn") ? today : reviewed);
        try {
            return s.valid(command);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(ordered(e.errors()));
        }
    }

    private static Integer rating(Submission s, String value, String field) {
        String v = FieldChecks.trimmed(value);
        Integer n = s.number(v, field, "'{value}' is not a whole number from 1 to 5");
        return n == null || (n >= 1 && n <= 5) ? n : s.reject(field, "'" + v + "' is not a whole number from 1 to 5");
    }

    private static Map<String, String> ordered(Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>();
        FIELDS.forEach(f -> {
            if (errors.containsKey(f)) {
                ordered.put(f, errors.get(f));
            }
        });
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
