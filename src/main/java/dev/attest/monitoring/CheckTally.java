package dev.attest.monitoring;

import java.time.Instant;

/** How many resources passed and failed a check in its latest evaluation. */
public record CheckTally(String checkKey, int passed, int failed, Instant evaluatedAt) {
}
