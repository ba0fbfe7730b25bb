package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.EmploymentType;
import dev.attest.people.Person;
import dev.attest.people.PersonDetails;
import dev.attest.policies.Policies;
import dev.attest.policies.PolicySummary;
import dev.attest.web.FieldChecks;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.Submission;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Turns a person's fields as text (a page's form, an API body, a SCIM user, a CSV row) into
 * {@link PersonDetails}: the same conversions and messages everywhere, every bad field named at
 * once under its request name. Required policies are given by id or by template key.
 */
@Component
@RequiredArgsConstructor
class PeopleForms {

    private final Validator validator;
    private final Clock clock;
    private final Roster roster;
    private final Policies policies;

    /** A CSV row's details, or what is wrong with it by field; the details carry the email even then, to find repeats. */
    record Row(PersonDetails details, Map<String, String> errors) {
    }

    /**
     * The details to add a person ({@code current} null) or to replace one's, with the roster's
     * refusals among the field errors.
     */
    PersonDetails person(WorkspaceId workspace, Person current, PersonForm form) {
        Submission s = new Submission(validator, clock);
        PersonDetails details = details(s, form, policyIndex(workspace));
        roster.problems(workspace, details, current).forEach(s::reject);
        return s.valid(details);
    }

    /** A person's details as stored with another end date (blank clears it). */
    PersonDetails endDate(WorkspaceId workspace, Person current, String endDate) {
        return person(workspace, current, PersonForm.of(current).withEndDate(endDate));
    }

    /**
     * A CSV row checked on its own: its manager may be anyone {@code inRoster} knows (the roster
     * and the other rows of the file).
     */
    Row row(PersonForm form, Map<String, UUID> policyIds, Predicate<String> inRoster) {
        Submission s = new Submission(validator, clock);
        PersonDetails details = details(s, form, policyIds);
        details.problems(inRoster).forEach(s::reject);
        try {
            return new Row(s.valid(details), Map.of());
        } catch (InvalidFieldException e) {
            return new Row(details, e.errors());
        }
    }

    /** Policy ids and template keys to ids, for required policies given either way. */
    Map<String, UUID> policyIndex(WorkspaceId workspace) {
        Map<String, UUID> index = new HashMap<>();
        for (PolicySummary s : policies.list(workspace)) {
            index.put(s.policy().id().toString(), s.policy().id());
            if (s.policy().templateKey() != null) {
                index.putIfAbsent(s.policy().templateKey(), s.policy().id());
            }
        }
        return index;
    }

    private static PersonDetails details(Submission s, PersonForm form, Map<String, UUID> policyIds) {
        EmploymentType type = null;
        if (FieldChecks.trimmed(form.employmentType()) != null) {
            type = EmploymentType.parse(form.employmentType());
            if (type == null) {
                s.reject("employmentType", "must be employee or contractor");
            }
        }
        LocalDate start = date(s, form.startDate(), "startDate");
        LocalDate end = date(s, form.endDate(), "endDate");
        List<UUID> required = new ArrayList<>();
        for (String ref : form.requiredPolicies()) {
            UUID id = policyIds.get(ref.strip());
            if (id == null) {
                s.reject("requiredPolicies", "no policy with id or template " + ref.strip());
            } else {
                required.add(id);
            }
        }
        return new PersonDetails(form.name(), form.email(), form.title(), form.department(), form.managerEmail(), type, start, end,
                required);
    }

    private static LocalDate date(Submission s, String value, String field) {
        String v = FieldChecks.trimmed(value);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return s.reject(field, "must be a date such as 2026-01-31");
        }
    }
}
