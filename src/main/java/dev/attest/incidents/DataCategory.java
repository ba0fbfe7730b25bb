package dev.attest.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Kinds of data an incident can touch; each decides which notification laws and contracts apply. */
public enum DataCategory {
    /** Personal data of individuals (GDPR). */
    PERSONAL,
    /** Protected health information (HIPAA); also personal data under GDPR. */
    HEALTH,
    /** Payment card data (PCI DSS). */
    CARDHOLDER,
    /** Customers' data held under contract. */
    CUSTOMER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DataCategory> fromWireName(String value) {
        return Arrays.stream(values()).filter(c -> c.wireName().equalsIgnoreCase(value == null ? "" : value.strip())).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(DataCategory::wireName).toList());
    }
}
