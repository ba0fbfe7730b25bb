package dev.attest.people;

import java.util.List;

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
}
