package dev.attest.audits;

import dev.attest.web.JsonWireName;
import lombok.RequiredArgsConstructor;

/** What moves a request: the client submits (or resubmits after a flag), the auditor accepts or flags. */
@RequiredArgsConstructor
public enum RequestAction implements JsonWireName {
    SUBMIT(false), ACCEPT(true), FLAG(true);

    private final boolean auditors;

    /** Whether it is the auditor's to take (accept, flag) rather than the client's (submit). */
    public boolean auditors() {
        return auditors;
    }
}
