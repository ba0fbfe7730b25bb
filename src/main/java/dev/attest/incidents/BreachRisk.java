package dev.attest.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The risk a breach poses to the people whose data it touched, as GDPR weighs it: unlikely (no
 * notification to the authority needed, Art. 33(1)), a risk (tell the authority), high (also tell
 * the people, Art. 34).
 */
public enum BreachRisk {
    UNLIKELY, RISK, HIGH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BreachRisk> fromWireName(String value) {
        return Arrays.stream(values()).filter(c -> c.wireName().equalsIgnoreCase(value == null ? "" : value.strip())).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(BreachRisk::wireName).toList());
    }
}
