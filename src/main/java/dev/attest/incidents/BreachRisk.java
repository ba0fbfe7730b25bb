package dev.attest.incidents;

/**
 * The risk a breach poses to the people whose data it touched, as GDPR weighs it: unlikely (no
 * notification to the authority needed, Art. 33(1)), a risk (tell the authority), high (also tell
 * the people, Art. 34).
 */
public enum BreachRisk {
    UNLIKELY, RISK, HIGH;

    public String wireName() {
        return WireName.of(this);
    }
}
