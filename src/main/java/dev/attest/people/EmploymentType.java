package dev.attest.people;

import java.util.Locale;

/** How a person works for the company. */
public enum EmploymentType {
    EMPLOYEE, CONTRACTOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for a wire name, or null when it is not one. */
    public static EmploymentType parse(String value) {
        for (EmploymentType t : values()) {
            if (t.wireName().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return t;
            }
        }
        return null;
    }
}
