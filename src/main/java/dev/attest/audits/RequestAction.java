package dev.attest.audits;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** What moves a request: the client submits (or resubmits after a flag), the auditor accepts or flags. */
public enum RequestAction {
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
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RequestAction of(String value) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of submit, accept, flag"));
    }
}
