package dev.attest.risks.internal;

import dev.attest.catalog.Catalog;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.risks.RecordRisk;
import dev.attest.risks.Treatment;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.Submission;
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
 * What a risk must satisfy beyond its own constraints, however it comes in: its owner is a member of the workspace,
 * its controls are the catalog's, an accepted risk names who accepted it and when that expires, and a review is not in
 * the future. {@link RiskForms} applies each rule while it converts text, so that a form names every bad field at
 * once; the register applies them all to a command given to it directly.
 */
@Component
@RequiredArgsConstructor
public class RiskRules {

    /** The fields in the order a form shows them, so errors come in that order. */
    static final List<String> FIELDS = List.of("title", "description", "category", "owner", "inherentLikelihood", "inherentImpact",
            "residualLikelihood", "residualImpact", "treatment", "acceptanceApprover", "acceptanceExpiresOn", "controls", "reviewedOn");

    private final Validator validator;
    private final Clock clock;
    private final WorkspaceMembers members;
    private final Catalog catalog;

    /** The command with its owner's email as the workspace knows it, or an {@link InvalidFieldException} naming each broken rule. */
    public RecordRisk check(WorkspaceId workspace, RecordRisk command) {
        Submission s = new Submission(validator, clock);
        String owner = owner(workspace, command.owner(), s);
        acceptance(command.treatment(), command.acceptanceApprover(), command.acceptanceExpiresOn(), s);
        controls(command.controls(), s);
        reviewedOn(command.reviewedOn(), s);
        try {
            return s.valid(owner == null || owner.equals(command.owner()) ? command : command.withOwner(owner));
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(ordered(e.errors()));
        }
    }

    /** The owner's email as the workspace's member has it; null, and the field rejected, when no member has it. */
    String owner(WorkspaceId workspace, String email, Submission s) {
        if (email == null) {
            return null;
        }
        return members.memberByEmail(workspace, email).map(m -> m.email())
                .orElseGet(() -> s.reject("owner", "no member of this workspace has the email " + email));
    }

    /** An accepted risk names who accepted it and when the acceptance expires (unless those fields are already rejected). */
    void acceptance(Treatment treatment, String approver, LocalDate expires, Submission s) {
        if (treatment != Treatment.ACCEPT) {
            return;
        }
        if (approver == null && !s.rejected("acceptanceApprover")) {
            s.reject("acceptanceApprover", "an accepted risk needs the name of who accepted it");
        }
        if (expires == null && !s.rejected("acceptanceExpiresOn")) {
            s.reject("acceptanceExpiresOn", "an accepted risk needs the date its acceptance expires");
        }
    }

    /** Every key names a control of the catalog; the message lists the others as they were given. */
    void controls(List<String> keys, Submission s) {
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            if (key != null && !key.isBlank() && catalog.control(key.strip().toUpperCase(Locale.ROOT)).isEmpty()) {
                unknown.add(key.strip());
            }
        }
        if (!unknown.isEmpty()) {
            s.reject("controls", "not controls of the catalog: " + String.join(", ", unknown));
        }
    }

    /** A review happened today or before. */
    void reviewedOn(LocalDate reviewed, Submission s) {
        if (reviewed != null && reviewed.isAfter(today())) {
            s.reject("reviewedOn", "cannot be in the future");
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The errors in the form's order, any other field after them. */
    static Map<String, String> ordered(Map<String, String> errors) {
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
