package dev.attest.evidence;

import java.time.Instant;
import java.util.List;

/**
 * Evidence to be stored: its description and the controls it supports; the content comes separately.
 *
 * @param kind       {@code upload} or {@code check-results}
 * @param filename   the original file name, or null
 * @param validUntil null when it does not expire
 */
public record NewEvidence(String kind, String title, String filename, String mediaType, List<String> controls,
                          Instant validUntil, String collectedBy) {

    public NewEvidence {
        controls = List.copyOf(controls);
    }
}
