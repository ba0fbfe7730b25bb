package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.EmploymentType;
import dev.attest.people.Person;
import dev.attest.people.PersonInput;
import dev.attest.policies.Policies;
import dev.attest.policies.PolicySummary;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A person's roster fields checked against the roster and the workspace's policies, for a form, an
 * API body, a SCIM user and each CSV row alike: every bad field is reported under its name.
 */
@Component
@RequiredArgsConstructor
class PersonRules {

    private final PeopleStore store;
    private final Policies policies;
    private final Clock clock;

    /** The person the input describes (a new one when {@code current} is null), or null when the email is unusable. */
    Person check(WorkspaceId workspace, PersonInput input, Person current, Map<String, String> errors) {
        return check(input, current, Set.of(), new HashSet<>(store.emails(workspace)), policyIndex(workspace), errors);
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

    /**
     * @param batch  emails arriving together with this one (a CSV file), which managers may name
     * @param roster emails already in the roster
     */
    Person check(PersonInput in, Person current, Set<String> batch, Set<String> roster, Map<String, UUID> policyIds,
                 Map<String, String> errors) {
        String name = strip(in.name());
        String email = in.email() == null ? null : normalize(in.email());
        if (name == null) {
            errors.put("name", "is required");
        } else if (name.length() > 200) {
            errors.put("name", "must be at most 200 characters");
        }
        if (email == null || email.isEmpty()) {
            errors.put("email", "is required");
        } else if (email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("email", "is not an email address");
        }
        String manager = in.managerEmail() == null || in.managerEmail().isBlank() ? null : normalize(in.managerEmail());
        if (manager != null) {
            if (manager.equals(email)) {
                errors.put("managerEmail", "cannot be the person themself");
            } else if (!roster.contains(manager) && !batch.contains(manager)) {
                errors.put("managerEmail", "is not a person in the roster: " + manager);
            }
        }
        EmploymentType type = in.employmentType() == null || in.employmentType().isBlank() ? EmploymentType.EMPLOYEE
                : EmploymentType.parse(in.employmentType());
        if (type == null) {
            errors.put("employmentType", "must be employee or contractor");
        }
        LocalDate start = Fields.date(in.startDate(), "startDate", errors);
        LocalDate end = Fields.date(in.endDate(), "endDate", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.put("endDate", "is before the start date " + start);
        }
        List<UUID> required = new ArrayList<>();
        for (String ref : in.requiredPolicies()) {
            UUID id = policyIds.get(ref.strip());
            if (id == null) {
                errors.put("requiredPolicies", "no policy with id or template " + ref.strip());
            } else if (!required.contains(id)) {
                required.add(id);
            }
        }
        String title = limited(in.title(), "title", errors);
        String department = limited(in.department(), "department", errors);
        if (!errors.isEmpty()) {
            return email == null || email.isEmpty() ? null : partial(email);
        }
        Instant now = clock.instant();
        return new Person(current == null ? UUID.randomUUID() : current.id(), name, email, title, department, manager, type, start, end,
                required, current == null ? null : current.externalId(), current == null ? now : current.createdAt(), now,
                current == null ? null : current.removedAt());
    }

    // Lets the import detect duplicates even in rows that have other errors.
    private static Person partial(String email) {
        return new Person(UUID.randomUUID(), "", email, null, null, null, EmploymentType.EMPLOYEE, null, null, List.of(), null,
                Instant.EPOCH, Instant.EPOCH, null);
    }

    /** The value stripped (null when blank); longer than 200 characters adds an error for the field. */
    static String limited(String value, String field, Map<String, String> errors) {
        String v = strip(value);
        if (v != null && v.length() > 200) {
            errors.put(field, "must be at most 200 characters");
        }
        return v;
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
