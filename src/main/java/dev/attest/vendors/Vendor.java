package dev.attest.vendors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A vendor in a workspace's register, with what follows from its details: the risk tier (derived
 * unless overridden), whether data leaves the EEA, and when it is next due for review.
 *
 * @param nextReviewOn the last report review plus the tier's interval, or the day it was added when never reviewed
 */
public record Vendor(UUID id, VendorDetails details, RiskTier derivedTier, RiskTier riskTier, boolean transfersOutsideEea,
                     LocalDate nextReviewOn, Instant createdAt, Instant updatedAt, String updatedBy) {

    public String name() {
        return details.name();
    }

    public boolean touches(DataCategory category) {
        return details.data().contains(category);
    }

    /** The countries that are outside the EEA. */
    public java.util.List<String> countriesOutsideEea() {
        return details.countries().stream().filter(c -> !Countries.inEea(c)).toList();
    }
}
