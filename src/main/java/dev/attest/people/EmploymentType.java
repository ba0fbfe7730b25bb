package dev.attest.people;

import dev.attest.web.WireName;

import java.util.Locale;

/** How a person works for the company; spelt by its wire name, e.g. {@code contractor}. */
public enum EmploymentType implements WireName {
    EMPLOYEE, CONTRACTOR;

    /** The type spelt {@code value} in any case and around spaces (a SCIM userType, a form, a CSV cell), or null when it is not one. */
    public static EmploymentType parse(String value) {
        return value == null ? null : WireName.parse(EmploymentType.class, value.strip().toLowerCase(Locale.ROOT)).orElse(null);
    }
}
