package dev.attest.incidents;

import java.time.Instant;

/**
 * A notification a breach requires: who must be told, under which rule, by when.
 *
 * @param key       stable per breach, e.g. {@code gdpr-art33}, {@code hipaa-media:CA}
 * @param rule      the rule in a few words, e.g. "GDPR Art. 33"
 * @param recipient who must be told
 * @param due       the last moment the notification counts as on time
 * @param basis     how the deadline was reached, for the person reading it
 */
public record ClockDue(String key, String rule, String recipient, Instant due, String basis) {
}
