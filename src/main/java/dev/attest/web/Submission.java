package dev.attest.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;

/**
 * A form or request body on its way to a typed command: text is converted field by field, the
 * command is checked with Bean Validation, and every problem lands in one field-to-message map, so
 * that a page and the API name the same fields with the same words in one answer.
 */
@RequiredArgsConstructor
public final class Submission {

    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Validator validator;
    private final Clock clock;

    /**
     * A time as an ISO instant or offset time, or a local date-time (as a browser's datetime-local
     * field sends it) read in {@code zone}; null when blank. Never in the future.
     */
    public Instant time(String value, String field, ZoneId zone) {
        String v = FieldChecks.trimmed(value);
        if (v == null) {
            return null;
        }
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                parsed = LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                return reject(field, "'" + v + "' is not a time such as 2026-03-01T14:30:00Z (or 2026-03-01T14:30 in " + zone + ")");
            }
        }
        return parsed.isAfter(clock.instant()) ? reject(field, "cannot be in the future") : parsed;
    }

    /** A day as YYYY-MM-DD; when blank, null and {@code missing} as the error (none when {@code missing} is null). */
    public LocalDate date(String value, String field, String missing) {
        String v = FieldChecks.trimmed(value);
        if (v == null) {
            return missing == null ? null : reject(field, missing);
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return reject(field, "'" + v + "' is not a date as YYYY-MM-DD");
        }
    }

    /** One of an enum's constants by its lower-case name; null when blank, and null with {@code problem} when unknown. */
    public <E extends Enum<E>> E choice(Class<E> type, String value, String field, String problem) {
        String v = FieldChecks.trimmed(value);
        if (v == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(v)).findFirst()
                .orElseGet(() -> reject(field, problem.replace("{value}", v)));
    }

    /** The allowed lower-case names of an enum, for messages: "low, medium, high". */
    public static String allowed(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** A whole number; null when blank, and null with {@code problem} when not a number. */
    public Integer number(String value, String field, String problem) {
        String v = FieldChecks.trimmed(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return reject(field, problem.replace("{value}", v));
        }
    }

    /** Records a problem with a field (the first one found stays) and gives null, for use in place of the value. */
    public <T> T reject(String field, String message) {
        errors.putIfAbsent(field, message);
        return null;
    }

    public boolean rejected(String field) {
        return errors.containsKey(field);
    }

    /** The command when every field converted and it passes its constraints; otherwise every problem at once. */
    public <C> C valid(C command) {
        fieldErrors(validator.validate(command)).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return command;
    }

    /**
     * Bean Validation's violations as field names and messages: the field is the first property of
     * the path, so a method argument's {@code report.command.title} and a list element's
     * {@code systems[2]} are named as the request names them.
     */
    public static Map<String, String> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<?> v : violations) {
            String field = null;
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.PROPERTY) {
                    field = node.getName();
                    break;
                }
            }
            errors.putIfAbsent(field == null ? "request" : field, v.getMessage());
        }
        return errors;
    }
}
