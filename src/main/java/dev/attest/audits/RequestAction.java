package dev.attest.audits;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.attest.web.WireName;

/** What moves a request: the client submits (or resubmits after a flag), the auditor accepts or flags. */
public enum RequestAction implements WireName {
    SUBMIT(false), ACCEPT(true), FLAG(true);

    private final boolean auditors;

    RequestAction(boolean auditors) {
        this.auditors = auditors;
    }

    /** Whether it is the auditor's to take (accept, flag) rather than the client's (submit). */
    public boolean auditors() {
        return auditors;
    }

    @JsonValue
    @Override
    public String wireName() {
        return WireName.super.wireName();
    }

    @JsonCreator
    public static RequestAction of(String value) {
        return WireName.require(RequestAction.class, value);
    }
}
