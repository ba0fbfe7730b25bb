package dev.attest.oscal.internal;

import dev.attest.catalog.OscalSchemas;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the export requests' text (format, from, to) into typed values, every bad field named at once. */
@Component
@RequiredArgsConstructor
class OscalForms {

    /** The days an assessment-results export covers, both inclusive, in UTC. */
    record Period(LocalDate start, LocalDate end) {

        Instant startAt() {
            return start.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** The last second of the end day. */
        Instant endAt() {
            return end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.SECONDS);
        }
    }

    private final Clock clock;

    /** {@code json} or {@code xml}. */
    OscalSchemas.Format format(String value) {
        return switch (value) {
            case "json" -> OscalSchemas.Format.JSON;
            case "xml" -> OscalSchemas.Format.XML;
            default -> throw new InvalidFieldException("format", "must be json or xml");
        };
    }

    /** ISO dates; {@code to} defaults to today, {@code from} to 30 days before {@code to}. */
    Period period(String from, String to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate end = date(to, today, "to", errors);
        LocalDate start = date(from, end.minusDays(30), "from", errors);
        if (errors.isEmpty() && start.isAfter(end)) {
            errors.put("from", "is after 'to'");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new Period(start, end);
    }

    private static LocalDate date(String value, LocalDate fallback, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date such as 2026-12-01");
            return fallback;
        }
    }
}
