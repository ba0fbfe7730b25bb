package dev.attest.policies;

import dev.attest.web.WireName;

/** One row of a side-by-side comparison of two versions: the left line, the right line, and how they differ. */
public record DiffRow(Kind kind, String left, String right) {

    public enum Kind implements WireName {
        SAME, CHANGED, REMOVED, ADDED
    }
}
