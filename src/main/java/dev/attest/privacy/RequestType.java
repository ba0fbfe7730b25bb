package dev.attest.privacy;

import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;

import java.util.Locale;

/** What the data subject asks for; some rights exist under one law only. */
@RequiredArgsConstructor
public enum RequestType implements WireName {
    ACCESS("Access to my data", true, true),
    DELETION("Deletion of my data", true, true),
    CORRECTION("Correction of my data", true, true),
    PORTABILITY("A portable copy of my data", true, true),
    RESTRICTION("Restriction of processing", true, false),
    OBJECTION("Objection to processing", true, false),
    OPT_OUT_OF_SALE("Opt out of sale or sharing", false, true);

    private final String label;
    private final boolean gdpr;
    private final boolean ccpa;

    public String label() {
        return label;
    }

    /** Whether the law grants this right (restriction and objection are GDPR rights, opt-out of sale a CCPA one). */
    public boolean grantedBy(PrivacyLaw law) {
        return law == PrivacyLaw.GDPR ? gdpr : ccpa;
    }

    /** The spelling used in the API and forms, e.g. {@code opt-out-of-sale}. */
    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
