package dev.attest.evidence;

import java.time.Instant;

/**
 * Whether a control's evidence is fresh: the newest uploaded file or owner's attestation linked to it,
 * and until when it keeps the control proven (its collection time plus the control's window, or the
 * evidence's own end of validity when that comes first).
 *
 * @param days          the window in days: the workspace's rule, else the default of the control's frequency
 * @param configured    whether the window is the workspace's own rule
 * @param latestAt      when the newest such evidence was collected, or null when there is none
 * @param latestKind    {@code upload} or {@code attestation}, or null
 * @param lastAttestedAt when the owner last attested, or null
 * @param expiresAt     when the control stops being proven by it, or null when there is none
 * @param state         {@code fresh}, {@code lapsed} (there was evidence, it ran out) or {@code missing}
 */
public record ControlFreshness(String control, int days, boolean configured, Instant latestAt, String latestKind,
                               Instant lastAttestedAt, Instant expiresAt, String state) {

    public boolean fresh() {
        return "fresh".equals(state);
    }
}
