package dev.attest.controls;

import java.util.List;

/**
 * One page of a control's history, newest first: status and owner changes, check flips, evidence and
 * attestations, each with who and when.
 *
 * @param page    from 0, the newest
 * @param more    whether an older page exists
 */
public record ControlHistory(String control, int page, int size, List<ControlProof.HistoryEntry> entries, boolean more) {
}
