package dev.attest.responsibility;

import java.util.UUID;

/** What an admin sets on a control: the party and, as it requires, the provider and the texts. */
public record ResponsibilityChange(String party, UUID providerId, String providerDuty, String customerGuidance, UUID providerReport) {
}
