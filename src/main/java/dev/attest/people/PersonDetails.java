package dev.attest.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A person's roster details, to add someone or to replace what the roster says about them (by hand,
 * by SCIM or in a CSV row). Blank text is absent, emails are compared in lower case, and no type
 * means an employee.
 *
 * @param managerEmail     the person they report to, who must be in the roster
 * @param requiredPolicies the policies they must accept; none means every published policy
 */
public record PersonDetails(@NotBlank(message = "is required") @Size(max = 200, message = PersonDetails.LONG) String name,
                            @NotBlank(message = "is required") @Size(max = 320, message = PersonDetails.NOT_EMAIL)
                            @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = PersonDetails.NOT_EMAIL) String email,
                            @Size(max = 200, message = PersonDetails.LONG) String title,
                            @Size(max = 200, message = PersonDetails.LONG) String department,
                            String managerEmail, EmploymentType employmentType, LocalDate startDate, LocalDate endDate,
                            List<UUID> requiredPolicies) {

    public PersonDetails {
        name = text(name);
        email = email(email);
        title = text(title);
        department = text(department);
        managerEmail = email(managerEmail);
        employmentType = employmentType == null ? EmploymentType.EMPLOYEE : employmentType;
        requiredPolicies = requiredPolicies == null ? List.of() : requiredPolicies.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** What the roster says about a person now, to change part of it. */
    public static PersonDetails of(Person p) {
        return new PersonDetails(p.name(), p.email(), p.title(), p.department(), p.managerEmail(), p.employmentType(), p.startDate(),
                p.endDate(), p.requiredPolicies());
    }

    public PersonDetails withEndDate(LocalDate date) {
        return new PersonDetails(name, email, title, department, managerEmail, employmentType, startDate, date, requiredPolicies);
    }

    /**
     * The rules over several fields, by field: a manager is someone else already in the roster
     * ({@code inRoster} says who is), and employment does not end before it starts.
     */
    public Map<String, String> problems(Predicate<String> inRoster) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (managerEmail != null) {
            if (managerEmail.equals(email)) {
                problems.put("managerEmail", "cannot be the person themself");
            } else if (!inRoster.test(managerEmail)) {
                problems.put("managerEmail", "is not a person in the roster: " + managerEmail);
            }
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            problems.put("endDate", "is before the start date " + startDate);
        }
        return problems;
    }

    /** An email as the roster keeps it: stripped and in lower case; null when blank. */
    public static String email(String value) {
        String v = text(value);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    static final String LONG = "must be at most 200 characters";
    static final String NOT_EMAIL = "is not an email address";

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
