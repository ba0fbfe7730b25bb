package dev.attest.obligations.internal;

import dev.attest.obligations.CalendarEntry;
import dev.attest.obligations.Obligation;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Obligations as an iCalendar document (RFC 5545), built with ical4j's model. An obligation due at
 * local midnight in the workspace's zone (the end of a due day) is an all-day event on that day; one
 * due at a precise time (a breach clock) is a half-hour event ending at the deadline. The text a
 * person reads says the due day, or the moment in the workspace's zone, never a Java time value.
 */
final class IcsCalendar {

    private static final DateTimeFormatter READABLE_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter READABLE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final int MAX_OCTETS = 75;

    private IcsCalendar() {
    }

    static String write(String name, List<CalendarEntry> entries, ZoneId zone, Instant stamp, String baseUrl) {
        Calendar calendar = new Calendar()
                .withProdId("-//Attest//Obligations calendar//EN")
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withProperty(ImmutableMethod.PUBLISH)
                .withProperty(new XProperty("X-WR-CALNAME", name))
                .getFluentTarget();
        for (CalendarEntry entry : entries) {
            calendar.add(event(entry, zone, stamp, baseUrl));
        }
        return fold(calendar.toString());
    }

    private static VEvent event(CalendarEntry entry, ZoneId zone, Instant stamp, String baseUrl) {
        Obligation o = entry.obligation();
        VEvent event = new VEvent(false);
        event.add(new Uid(o.id() + "@attest"));
        event.add(new DtStamp(stamp));
        ZonedDateTime due = o.due().atZone(zone);
        String dueText;
        if (due.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            LocalDate day = due.toLocalDate().minusDays(1);
            event.add(new DtStart<>(day));
            event.add(new DtEnd<>(day.plusDays(1)));
            dueText = READABLE_DAY.format(day);
        } else {
            event.add(new DtStart<>(o.due().minusSeconds(1800)));
            event.add(new DtEnd<>(o.due()));
            dueText = READABLE_TIME.format(due);
        }
        event.add(new Summary(o.title() == null ? "" : o.title()));
        event.add(new Description("Due " + dueText + (o.owner() == null ? "" : ", owner " + o.owner())
                + (entry.overdue() ? " (overdue)" : "") + "\n" + baseUrl + o.path()));
        event.add(new Url(URI.create(baseUrl + o.path())));
        event.add(new Categories(o.kind()));
        event.add(ImmutableTransp.TRANSPARENT);
        return event;
    }

    /**
     * Folds every content line so that no physical line exceeds 75 octets, without splitting a UTF-8
     * character: ical4j's own folding counts characters, which lets a line of accented text run over.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3);
        for (String content : unfolded.split("\r\n")) {
            int octets = 0;
            int limit = MAX_OCTETS;
            for (int i = 0; i < content.length(); ) {
                int cp = content.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 0;
                    limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
