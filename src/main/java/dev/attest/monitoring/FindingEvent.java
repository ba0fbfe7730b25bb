package dev.attest.monitoring;

import java.time.Instant;

/** A moment in a finding's history: {@code opened}, {@code reopened} or {@code closed}, and why. */
public record FindingEvent(Instant at, String event, String detail) {
}
