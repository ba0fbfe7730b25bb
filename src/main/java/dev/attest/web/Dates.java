package dev.attest.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates, times and counts as people read them, in the installation's zone ({@code attest.time-zone}):
 * "6 Dec 2026, 08:56 UTC" rather than an ISO instant with nanoseconds, "1 vendor" rather than "1 vendors".
 * Templates use it as {@code @dates}.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private final ZoneId zone;

    public Dates(@Value("${attest.time-zone:UTC}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    /** The installation's zone, in which dates are shown and day-counted deadlines fall. */
    public ZoneId zone() {
        return zone;
    }

    /** A moment as a day and a minute in the zone, e.g. "6 Dec 2026, 08:56 UTC"; empty for none. */
    public String dateTime(Object moment) {
        if (moment instanceof CharSequence text) {
            return text.toString();
        }
        ZonedDateTime at = zoned(moment);
        return at == null ? "" : DAY_TIME.format(at);
    }

    /** The day of a moment or a date, e.g. "6 Dec 2026"; empty for none. */
    public String date(Object moment) {
        if (moment instanceof LocalDate day) {
            return DAY.format(day);
        }
        if (moment instanceof CharSequence text) {
            return text.toString();
        }
        ZonedDateTime at = zoned(moment);
        return at == null ? "" : DAY.format(at);
    }

    /** "1 vendor", "2 vendors": a count with the noun in the right number (English plural by -s unless given). */
    public String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** A count with its noun, for irregular plurals ("1 person", "3 people"). */
    public String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private ZonedDateTime zoned(Object moment) {
        if (moment == null) {
            return null;
        }
        if (moment instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (moment instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (moment instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        if (moment instanceof LocalDate day) {
            return day.atStartOfDay(zone);
        }
        if (moment instanceof TemporalAccessor other) {
            return Instant.from(other).atZone(zone);
        }
        throw new IllegalArgumentException("not a moment: " + moment.getClass().getName());
    }
}
