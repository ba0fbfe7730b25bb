package dev.attest.controls;

import dev.attest.catalog.ControlKey;
import dev.attest.identity.WorkspaceId;

import java.time.Instant;
import java.util.List;

/**
 * What proves one control, for its page: offered by the modules that test it (monitoring's checks and
 * monitors, the evidence store's items), so that controls shows them without depending on those modules.
 * Every bean of this type is asked; each answers with what it knows, or empty lists.
 */
public interface ControlProof {

    /** The control's monitors with their state, strongest first. */
    default List<Monitor> monitors(WorkspaceId workspace, ControlKey control) {
        return List.of();
    }

    /** Evidence linked to the control, newest first, at most {@code limit}. */
    default List<Evidence> evidence(WorkspaceId workspace, ControlKey control, int limit) {
        return List.of();
    }

    /**
     * What happened to the control that this module recorded (status and owner changes, check flips,
     * evidence and attestations), newest first, at most {@code limit}.
     */
    default List<HistoryEntry> history(WorkspaceId workspace, ControlKey control, int limit) {
        return List.of();
    }

    /**
     * One moment in a control's history.
     *
     * @param kind    {@code change} (status, owner), {@code window}, {@code check}, {@code evidence} or {@code attestation}
     * @param actor   who did it: an email, or {@code system} for monitoring's runs
     * @param link    where to see more, or null
     */
    record HistoryEntry(Instant at, String kind, String actor, String summary, String link) {
    }

    /**
     * One monitor behind a control.
     *
     * @param kind   technical, record, freshness or attestation
     * @param state  passing, failing, not-run, fresh, lapsed or missing
     * @param since  for a failing check, since when it fails (its oldest open finding); else null
     * @param link   where to see it, or null
     */
    record Monitor(String kind, String key, String title, String state, Instant since, String link) {
    }

    /**
     * One piece of evidence linked to the control.
     *
     * @param validUntil null when it does not expire
     * @param valid      whether it still counts now
     */
    record Evidence(String id, String kind, String title, String collectedBy, Instant collectedAt, Instant validUntil,
                    boolean valid, String link) {
    }
}
