package dev.attest.audits;

import dev.attest.web.JsonWireName;

/** What moves a request: the client submits (or resubmits after a flag), the auditor accepts or flags. */
public enum RequestAction implements JsonWireName {
    SUBMIT(false), ACCEPT(true), FLAG(true);

    private final boolean auditors;

    RequestAction(boolean auditors) {
        this.auditors = auditors;
    }

    /** Whether it is the auditor's to take (accept, flag) rather than the client's (submit). */
    public boolean auditors() {
        return auditors;
    }
}
