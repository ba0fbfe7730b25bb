package dev.attest.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The law under which a request is answered: it fixes the deadline and the rights available. */
public enum PrivacyLaw {
    /** EU/UK GDPR Art. 12(3): one month from receipt, extendable by two further months. */
    GDPR,
    /** CCPA/CPRA (Cal. Civ. Code 1798.130): 45 days from receipt, extendable once by 45 days. */
    CCPA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PrivacyLaw> fromWireName(String value) {
        return Arrays.stream(values()).filter(l -> l.wireName().equals(value)).findFirst();
    }
}
