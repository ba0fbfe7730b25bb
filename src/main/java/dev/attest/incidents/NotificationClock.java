package dev.attest.incidents;

import java.time.Instant;

/**
 * A running or stopped breach notification clock: who must be told by when, and, once done, when
 * they were told and the evidence of it.
 *
 * @param evidence a note or a file name that shows the notification went out
 */
public record NotificationClock(String key, String rule, String recipient, Instant due, String basis,
                                Instant sentAt, String evidence, String recordedBy) {

    /** Still waiting for the notification to be recorded. */
    public boolean open() {
        return sentAt == null;
    }

    /** Sent by the deadline. */
    public boolean onTime() {
        return sentAt != null && !sentAt.isAfter(due);
    }

    /** Not sent, and the deadline has passed. */
    public boolean overdue(Instant now) {
        return sentAt == null && now.isAfter(due);
    }
}
