package dev.attest.people;

import java.util.List;
import java.util.UUID;

/**
 * A person as entered by hand, in a CSV row or by SCIM, before validation: every value a string so
 * that each error names its field.
 *
 * @param requiredPolicies policy ids or template keys
 */
public record PersonInput(String name, String email, String title, String department, String managerEmail,
                          String employmentType, String startDate, String endDate, List<String> requiredPolicies) {

    public PersonInput {
        requiredPolicies = requiredPolicies == null ? List.of() : List.copyOf(requiredPolicies);
    }

    /** The person's stored fields as input, to change one of them. */
    public static PersonInput of(Person p) {
        return new PersonInput(p.name(), p.email(), p.title(), p.department(), p.managerEmail(), p.employmentType().wireName(),
                p.startDate() == null ? null : p.startDate().toString(), p.endDate() == null ? null : p.endDate().toString(),
                p.requiredPolicies().stream().map(UUID::toString).toList());
    }

    public PersonInput withEndDate(String date) {
        return new PersonInput(name, email, title, department, managerEmail, employmentType, startDate, date, requiredPolicies);
    }
}
