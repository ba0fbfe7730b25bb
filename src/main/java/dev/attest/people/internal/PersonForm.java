package dev.attest.people.internal;

import dev.attest.people.Person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person's fields as text, as a page's form, an API body, a SCIM user or a CSV row sends them;
 * {@link PeopleForms} turns them into details, and a page shows them again beside their errors.
 *
 * @param requiredPolicies policy ids or template keys
 */
record PersonForm(String name, String email, String title, String department, String managerEmail, String employmentType,
                  String startDate, String endDate, List<String> requiredPolicies) {

    PersonForm {
        requiredPolicies = requiredPolicies == null ? List.of() : List.copyOf(requiredPolicies);
    }

    static PersonForm empty() {
        return new PersonForm(null, null, null, null, null, "employee", null, null, List.of());
    }

    /** What the roster says now, as text. */
    static PersonForm of(Person p) {
        return new PersonForm(p.name(), p.email(), p.title(), p.department(), p.managerEmail(), p.employmentType().wireName(),
                text(p.startDate()), text(p.endDate()), p.requiredPolicies().stream().map(UUID::toString).toList());
    }

    PersonForm withEndDate(String date) {
        return new PersonForm(name, email, title, department, managerEmail, employmentType, startDate, date, requiredPolicies);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
