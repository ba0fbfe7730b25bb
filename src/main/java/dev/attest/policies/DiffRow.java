package dev.attest.policies;

import java.util.Locale;

/** One row of a side-by-side comparison of two versions: the left line, the right line, and how they differ. */
public record DiffRow(Kind kind, String left, String right) {

    public enum Kind {
        SAME, CHANGED, REMOVED, ADDED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
