package dev.attest.controls;

import dev.attest.web.WireName;

/**
 * How far a workspace has implemented a control; {@code not_applicable} needs a justification. The API,
 * forms and exports spell it by its wire name.
 */
public enum ImplementationStatus implements WireName {
    NOT_STARTED, IN_PROGRESS, IMPLEMENTED, NOT_APPLICABLE;

    /** Words for people, e.g. "Not applicable". */
    public String label() {
        String words = wireName().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Whether it counts towards readiness: implemented, or justified as not applicable. */
    public boolean settled() {
        return this == IMPLEMENTED || this == NOT_APPLICABLE;
    }
}
