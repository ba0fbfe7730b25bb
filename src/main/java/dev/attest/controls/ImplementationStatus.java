package dev.attest.controls;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How far a workspace has implemented a control; {@code not_applicable} needs a justification. */
public enum ImplementationStatus {
    NOT_STARTED, IN_PROGRESS, IMPLEMENTED, NOT_APPLICABLE;

    /** The spelling used in the API, forms and exports, e.g. {@code not_applicable}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Words for people, e.g. "Not applicable". */
    public String label() {
        String words = wireName().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Whether it counts towards readiness: implemented, or justified as not applicable. */
    public boolean settled() {
        return this == IMPLEMENTED || this == NOT_APPLICABLE;
    }

    public static Optional<ImplementationStatus> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }

    /** The accepted spellings, for error messages. */
    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(ImplementationStatus::wireName).toList());
    }
}
