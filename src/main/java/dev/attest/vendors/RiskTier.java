package dev.attest.vendors;

import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;

import java.util.Locale;
import java.util.Set;

/** How much is at stake with a vendor; the tier sets how often it is reviewed. Spelt by its wire name, e.g. {@code high}. */
@RequiredArgsConstructor
public enum RiskTier implements WireName {
    LOW(36), MEDIUM(24), HIGH(12);

    private final int reviewMonths;

    /** Months between reviews: yearly for high risk. */
    public int reviewMonths() {
        return reviewMonths;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /**
     * The tier the data implies: anything about customers or people, or regulated data, is high;
     * the company's own internal data is medium; no data at all is low.
     */
    public static RiskTier derivedFrom(Set<DataCategory> data) {
        if (data.stream().anyMatch(d -> d == DataCategory.CUSTOMER || d == DataCategory.PERSONAL
                || d == DataCategory.HEALTH || d == DataCategory.CARDHOLDER)) {
            return HIGH;
        }
        return data.contains(DataCategory.INTERNAL) ? MEDIUM : LOW;
    }
}
