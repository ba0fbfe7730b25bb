package dev.attest.accessreviews;

import java.util.Locale;

/** Where a campaign is: draft, in progress (reviewers decide), remediation (tasks open), completed or cancelled. */
public enum CampaignStatus {
    DRAFT, IN_PROGRESS, REMEDIATION, COMPLETED, CANCELLED;

    /** The spelling stored and shown, e.g. {@code in_progress}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Decisions can still be recorded (and changed) only while reviewers are at work or tasks are open. */
    public boolean acceptsDecisions() {
        return this == IN_PROGRESS || this == REMEDIATION;
    }

    /** Finished one way or the other: nothing changes any more. */
    public boolean closed() {
        return this == COMPLETED || this == CANCELLED;
    }
}
