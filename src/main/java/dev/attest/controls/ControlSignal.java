package dev.attest.controls;

import java.time.Instant;

/**
 * What tests said about one control most recently.
 *
 * @param passing       checks whose latest results all pass
 * @param failing       checks with at least one failing resource in their latest results
 * @param freshEvidence whether evidence linked to the control is still within its validity
 * @param testedAt      when the latest of those results or evidence was recorded, or null
 */
public record ControlSignal(int passing, int failing, boolean freshEvidence, Instant testedAt) {

    public static final ControlSignal NONE = new ControlSignal(0, 0, false, null);

    /** Two sources' signals about the same control, added up. */
    public ControlSignal plus(ControlSignal other) {
        Instant at = testedAt == null ? other.testedAt : other.testedAt == null ? testedAt
                : (testedAt.isAfter(other.testedAt) ? testedAt : other.testedAt);
        return new ControlSignal(passing + other.passing, failing + other.failing, freshEvidence || other.freshEvidence, at);
    }
}
