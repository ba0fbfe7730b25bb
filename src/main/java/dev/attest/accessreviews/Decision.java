package dev.attest.accessreviews;

import dev.attest.web.WireName;

/** A reviewer's verdict on one account: keep it, revoke it, or change it to other roles. */
public enum Decision implements WireName {
    KEEP, REVOKE, CHANGE;

    /** Revoke and change need someone to act on the system, so they open a remediation task. */
    public boolean needsRemediation() {
        return this != KEEP;
    }
}
