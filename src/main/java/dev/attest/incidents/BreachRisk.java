package dev.attest.incidents;

import dev.attest.web.WireName;

/**
 * The risk a breach poses to the people whose data it touched, as GDPR weighs it: unlikely (no
 * notification to the authority needed, Art. 33(1)), a risk (tell the authority), high (also tell
 * the people, Art. 34).
 */
public enum BreachRisk implements WireName {
    UNLIKELY, RISK, HIGH
}
