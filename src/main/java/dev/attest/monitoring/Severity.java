package dev.attest.monitoring;

import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;

/** How bad a failing check is; it sets how soon its finding is due. Spelt by its wire name, e.g. {@code critical}. */
@RequiredArgsConstructor
public enum Severity implements WireName {
    CRITICAL(7), HIGH(30), MEDIUM(90), LOW(180);

    private final int dueDays;

    /** Days from opening a finding to its due date. */
    public int dueDays() {
        return dueDays;
    }

    /** The spellings, "critical, high, medium, low": {@link CheckDraft#SEVERITY_RULE} spells them out and its test compares. */
    public static String allowed() {
        return WireName.allowed(Severity.class);
    }
}
