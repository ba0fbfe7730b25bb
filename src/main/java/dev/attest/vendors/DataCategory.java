package dev.attest.vendors;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of data a vendor touches, from none at all to cardholder data. */
public enum DataCategory {
    NONE, INTERNAL, CUSTOMER, PERSONAL, HEALTH, CARDHOLDER;

    /** The spelling used in the API and forms, e.g. {@code cardholder}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case NONE -> "None";
            case INTERNAL -> "Internal data";
            case CUSTOMER -> "Customer data";
            case PERSONAL -> "Personal data";
            case HEALTH -> "Health data";
            case CARDHOLDER -> "Cardholder data";
        };
    }

    public static Optional<DataCategory> fromWireName(String value) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(value)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(DataCategory::wireName).toList());
    }
}
