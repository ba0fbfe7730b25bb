package dev.attest.incidents;

import java.time.Instant;
import java.util.UUID;

/** One timestamped line of an incident's timeline: what happened, when, written by whom. */
public record TimelineEntry(UUID id, Instant at, String author, String entry) {
}
