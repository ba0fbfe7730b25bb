package dev.attest.responsibility;

import dev.attest.web.WireName;

import jakarta.validation.constraints.Size;

import java.util.Optional;
import java.util.UUID;

/**
 * What an admin sets on a control: the party and, as it requires, the provider and the texts. Blank texts are
 * absent and kept ones stripped; which parts a party needs is checked against the register when it is assigned.
 *
 * @param party company, provider, shared or customer, as the request names it
 */
public record ResponsibilityChange(String party, UUID providerId,
                                   @Size(max = ResponsibilityChange.MAX_TEXT, message = "at most {max} characters") String providerDuty,
                                   @Size(max = ResponsibilityChange.MAX_TEXT, message = "at most {max} characters") String customerGuidance,
                                   UUID providerReport) {

    /** The longest duty or guidance text. */
    public static final int MAX_TEXT = 2000;

    public ResponsibilityChange {
        providerDuty = blankless(providerDuty);
        customerGuidance = blankless(customerGuidance);
    }

    /** The party the change names, if it is one. */
    public Optional<Party> assignedParty() {
        return party == null ? Optional.empty() : WireName.parse(Party.class, party);
    }

    /**
     * The change as the given party keeps it: a provider's parts only when a provider carries the control, the
     * guidance only when the customer does.
     */
    public ResponsibilityChange keptFor(Party assigned) {
        boolean provider = assigned.involvesProvider();
        return new ResponsibilityChange(assigned.wireName(), provider ? providerId : null, provider ? providerDuty : null,
                assigned.involvesCustomer() ? customerGuidance : null, provider ? providerReport : null);
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
