package dev.attest.responsibility;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.attest.web.WireName;

/** Who carries a control: the company itself, a provider (a vendor), both together, or the customer. */
public enum Party implements WireName {
    COMPANY, PROVIDER, SHARED, CUSTOMER;

    @JsonValue
    @Override
    public String wireName() {
        return WireName.super.wireName();
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
}
