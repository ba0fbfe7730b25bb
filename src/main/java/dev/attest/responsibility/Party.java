package dev.attest.responsibility;

import dev.attest.web.JsonWireName;

/** Who carries a control: the company itself, a provider (a vendor), both together, or the customer. */
public enum Party implements JsonWireName {
    COMPANY, PROVIDER, SHARED, CUSTOMER;

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
