package dev.attest.people;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's background check. The outcome is sensitive: stored encrypted, and only given to
 * admins (null for everyone else).
 *
 * @param status {@code pending}, {@code completed} or {@code waived}
 */
public record BackgroundCheck(String status, LocalDate completedOn, String provider, String outcome, Instant updatedAt,
                              String updatedBy) {
}
