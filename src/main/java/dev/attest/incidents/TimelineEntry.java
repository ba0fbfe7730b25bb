package dev.attest.incidents;

import java.time.Instant;
import java.util.UUID;

/** One timestamped line of an incident's timeline: what happened, when, written by whom. */
public record TimelineEntry(UUID id, Instant at, String author, String entry) {

    /** The longest line a timeline keeps; longer text is cut with an ellipsis. */
    public static final int MAX_LENGTH = 4000;

    /** A new line, cut to the length a timeline keeps. */
    public static TimelineEntry of(Instant at, String author, String entry) {
        return new TimelineEntry(UUID.randomUUID(), at, author, IncidentEvent.brief(entry, MAX_LENGTH));
    }
}
