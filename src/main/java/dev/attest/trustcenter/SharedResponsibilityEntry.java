package dev.attest.trustcenter;

/**
 * One control of the published shared-responsibility matrix.
 *
 * @param party    company, provider, shared or customer
 * @param provider the provider's name, for provider and shared
 * @param guidance what the customer must do, for customer and shared
 * @param duty     what the provider does, for provider and shared
 */
public record SharedResponsibilityEntry(String control, String name, String domain, String party, String provider, String guidance,
                                        String duty) {
}
