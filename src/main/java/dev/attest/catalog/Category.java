package dev.attest.catalog;

/**
 * A scoping category of a framework (SOC 2's Security, Availability, ...; PCI DSS's appendices).
 * A required category is always in scope; the others are chosen by the workspace. An opt-in
 * category is left out of scope until the workspace chooses it: PCI DSS appendix A1, for
 * instance, binds only multi-tenant service providers, so a new workspace must not be measured
 * against it.
 */
public record Category(String id, String name, boolean required, boolean optIn) {

    public Category {
        if (required && optIn) {
            throw new IllegalArgumentException("category " + id + " cannot be both required and opt-in");
        }
    }

    /** A category that is in scope by default (the usual case). */
    public Category(String id, String name, boolean required) {
        this(id, name, required, false);
    }
}
