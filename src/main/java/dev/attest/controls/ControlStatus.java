package dev.attest.controls;

import java.util.Locale;

/**
 * Whether a control is proven right now, from its checks' latest results, its evidence's freshness
 * and its implementation status: what readiness and the Trust Center show.
 */
public enum ControlStatus {
    PASSING, FAILING, NEEDS_EVIDENCE, NOT_APPLICABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

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
