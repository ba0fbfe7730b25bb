package dev.attest.monitoring;

/**
 * One monitor behind a control and how it stands now.
 *
 * @param kind  {@code technical} (a check over collected resources), {@code record} (a check over Attest's own
 *              records), {@code freshness} (evidence within the control's window) or {@code attestation}
 *              (the owner's confirmation within the window)
 * @param key   the check's key, or {@code freshness} / {@code attestation}
 * @param title what it tests, in words
 * @param state {@code passing}, {@code failing} or {@code not-run} for a check; {@code fresh}, {@code lapsed}
 *              or {@code missing} for freshness and attestation
 * @param check the key of the check whose findings it opens (a freshness or attestation monitor's is the
 *              control's evidence-freshness check), or null when there is none
 */
public record ControlMonitor(String kind, String key, String title, String state, String check) {

    /** The kinds, strongest first. */
    public static final java.util.List<String> KINDS = java.util.List.of("technical", "record", "freshness", "attestation");
}
