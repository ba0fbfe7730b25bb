package dev.attest.accessreviews;

import dev.attest.web.WireName;

/**
 * Where a campaign is: draft, in progress (reviewers decide), remediation (tasks open), completed or
 * cancelled; stored and shown by its wire name, e.g. {@code in_progress}.
 */
public enum CampaignStatus implements WireName {
    DRAFT, IN_PROGRESS, REMEDIATION, COMPLETED, CANCELLED;

    /** Decisions can still be recorded (and changed) only while reviewers are at work or tasks are open. */
    public boolean acceptsDecisions() {
        return this == IN_PROGRESS || this == REMEDIATION;
    }

    /** Finished one way or the other: nothing changes any more. */
    public boolean closed() {
        return this == COMPLETED || this == CANCELLED;
    }
}
