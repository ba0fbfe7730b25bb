package dev.attest.responsibility;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who carries a control: the company itself, a provider (a vendor), both together, or the customer. */
public enum Party {
    COMPANY, PROVIDER, SHARED, CUSTOMER;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a provider from the vendor register carries all or part of it. */
    public boolean involvesProvider() {
        return this == PROVIDER || this == SHARED;
    }

    /** Whether the customer carries all or part of it, and so needs guidance. */
    public boolean involvesCustomer() {
        return this == CUSTOMER || this == SHARED;
    }

    /** Whether the company carries all or part of it. */
    public boolean involvesCompany() {
        return this == COMPANY || this == SHARED;
    }

    public static Optional<Party> fromWireName(String value) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(value)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(Party::wireName).toList());
    }
}
