package dev.attest.people.internal;

import dev.attest.web.InvalidFieldException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Checks of request values shared by the people API, pages and service. */
public final class Fields {

    private Fields() {
    }

    /** Refuses fields the request may not carry, naming each one. */
    public static void unknown(Set<String> given, Set<String> known) {
        Map<String, String> errors = new LinkedHashMap<>();
        given.stream().filter(f -> !known.contains(f)).forEach(f -> errors.put(f, "is not a field here"));
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }

    /** An ISO date, or null when blank; a malformed one adds an error for the field. */
    public static LocalDate date(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date such as 2026-01-31");
            return null;
        }
    }

    /** An ISO date, or null when blank; a malformed one is refused at once. */
    public static LocalDate date(String value, String field) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = date(value, field, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return date;
    }
}
