package dev.attest.privacy.internal;

import dev.attest.privacy.PrivacyLaw;
import dev.attest.privacy.RequestDeadline;
import dev.attest.web.InvalidFieldException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import lombok.RequiredArgsConstructor;

/**
 * The legal deadlines for answering a data-subject request, counted in calendar days and months in
 * the workspace's time zone from the day of receipt:
 * <ul>
 *   <li>GDPR (Art. 12(3)): one month from receipt; a month that has no such day ends on its last day
 *   (received 31 January, due 28 February, or 29 in a leap year). Extended: three months from
 *   receipt (one plus two further months), counted from receipt again so that a short month in
 *   between does not shorten it.</li>
 *   <li>CCPA (Cal. Civ. Code 1798.130(a)(2)): 45 calendar days from receipt; extended: 90.</li>
 * </ul>
 * A deadline runs to the end of its last day, local time: the request is overdue from the first
 * instant of the next day, whatever the length of that day (daylight-saving changes).
 * An extension needs a reason, is granted once, and only before the original deadline has passed.
 */
@RequiredArgsConstructor
final class ResponseDeadlines {

    private final Clock clock;
    private final ZoneId zone;

    ZoneId zone() {
        return zone;
    }

    /** The deadline of a request received at {@code receivedAt}. */
    RequestDeadline original(PrivacyLaw law, Instant receivedAt) {
        return deadline(law, receivedAt, false);
    }

    /** The extended deadline of a request received at {@code receivedAt}. */
    RequestDeadline extended(PrivacyLaw law, Instant receivedAt) {
        return deadline(law, receivedAt, true);
    }

    /**
     * The extended deadline, now: refused without a reason, a second time, or once the original
     * deadline has passed (the requester must be told of the extension within the first period).
     */
    RequestDeadline extend(PrivacyLaw law, Instant receivedAt, boolean alreadyExtended, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "an extension needs a recorded reason");
        }
        if (alreadyExtended) {
            throw new InvalidFieldException("reason", "the deadline has already been extended once");
        }
        if (overdue(original(law, receivedAt))) {
            throw new InvalidFieldException("reason", "the original deadline has passed: an extension must be decided within it");
        }
        return extended(law, receivedAt);
    }

    /** Whether the deadline has passed now. */
    boolean overdue(RequestDeadline deadline) {
        return !clock.instant().isBefore(deadline.dueAt());
    }

    static LocalDate lastDay(PrivacyLaw law, LocalDate received, boolean extended) {
        return switch (law) {
            case GDPR -> received.plusMonths(extended ? 3 : 1);
            case CCPA -> received.plusDays(extended ? 90 : 45);
        };
    }

    private RequestDeadline deadline(PrivacyLaw law, Instant receivedAt, boolean extended) {
        LocalDate received = receivedAt.atZone(zone).toLocalDate();
        LocalDate last = lastDay(law, received, extended);
        return new RequestDeadline(last, last.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
