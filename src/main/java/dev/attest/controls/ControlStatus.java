package dev.attest.controls;

import dev.attest.web.WireName;

/**
 * Whether a control is proven right now, from its checks' latest results, its evidence's freshness
 * and its implementation status: what readiness and the Trust Center show. Spelt by its wire name,
 * e.g. {@code needs_evidence}.
 */
public enum ControlStatus implements WireName {
    PASSING, FAILING, NEEDS_EVIDENCE, NOT_APPLICABLE;

    public String label() {
        String words = wireName().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Not applicable wins; then any failing check; then a passing check or fresh evidence; else evidence is needed. */
    public static ControlStatus of(ImplementationStatus implementation, ControlSignal signal) {
        if (implementation == ImplementationStatus.NOT_APPLICABLE) {
            return NOT_APPLICABLE;
        }
        if (signal.failing() > 0) {
            return FAILING;
        }
        if (signal.passing() > 0 || signal.freshEvidence()) {
            return PASSING;
        }
        return NEEDS_EVIDENCE;
    }
}
