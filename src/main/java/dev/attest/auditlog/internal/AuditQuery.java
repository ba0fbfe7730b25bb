package dev.attest.auditlog.internal;

import dev.attest.auditlog.AuditFilter;
import dev.attest.web.InvalidFieldException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the filter parameters the API and the page share; a bad one is a field error. */
final class AuditQuery {

    private AuditQuery() {
    }

    static AuditFilter filter(String actor, String action, String target, String from, String to) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant start = instant("from", from, false, errors);
        Instant end = instant("to", to, true, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.put("to", "must be after from");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new AuditFilter(blank(actor), blank(action), blank(target), start, end);
    }

    /** An instant (2026-11-27T09:00:00Z) or a date (2026-11-27; as "to" it includes the whole day). */
    private static Instant instant(String field, String value, boolean endOfDay, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate date = LocalDate.parse(v);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date (2026-11-27) or an instant (2026-11-27T09:00:00Z)");
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static int page(Integer page) {
        if (page != null && page < 0) {
            throw new InvalidFieldException("page", "must be 0 or more");
        }
        return page == null ? 0 : page;
    }

    static int size(Integer size) {
        if (size != null && (size < 1 || size > 500)) {
            throw new InvalidFieldException("size", "must be between 1 and 500");
        }
        return size == null ? 50 : size;
    }
}
