package dev.attest.obligations.internal;

import dev.attest.obligations.CalendarEntry;
import dev.attest.obligations.Obligation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes obligations as an iCalendar document (RFC 5545): CRLF line ends, lines folded at 75
 * octets without splitting a UTF-8 character, text values escaped. An obligation due at local
 * midnight (the end of a due day) is an all-day event on that day; one due at a precise time (a
 * breach clock) is a half-hour event ending at the deadline.
 */
final class IcsCalendar {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    // What a person reads in the event's description: the due day (end of day), or the moment in the workspace's zone.
    private static final DateTimeFormatter READABLE_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH);
    private static final DateTimeFormatter READABLE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", java.util.Locale.ENGLISH);

    private IcsCalendar() {
    }

    static String write(String name, List<CalendarEntry> entries, ZoneId zone, Instant stamp, String baseUrl) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Attest//Obligations calendar//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        for (CalendarEntry entry : entries) {
            Obligation o = entry.obligation();
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(o.id()) + "@attest");
            line(out, "DTSTAMP:" + UTC_TIME.format(stamp));
            ZonedDateTime due = o.due().atZone(zone);
            String dueText;
            if (due.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
                LocalDate day = due.toLocalDate().minusDays(1);
                line(out, "DTSTART;VALUE=DATE:" + DATE.format(day));
                line(out, "DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
                dueText = READABLE_DAY.format(day);
            } else {
                line(out, "DTSTART:" + UTC_TIME.format(o.due().minusSeconds(1800)));
                line(out, "DTEND:" + UTC_TIME.format(o.due()));
                dueText = READABLE_TIME.format(due);
            }
            line(out, "SUMMARY:" + text(o.title()));
            line(out, "DESCRIPTION:" + text("Due " + dueText + (o.owner() == null ? "" : ", owner " + o.owner())
                    + (entry.overdue() ? " (overdue)" : "") + "\n" + baseUrl + o.path()));
            line(out, "URL:" + baseUrl + o.path());
            line(out, "CATEGORIES:" + text(o.kind()));
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
    static String text(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends one content line, folded so that no physical line exceeds 75 octets. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
