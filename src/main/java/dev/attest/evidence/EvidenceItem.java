package dev.attest.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One immutable piece of evidence: what it is, its content's SHA-256, who collected it and when,
 * which controls it supports, until when it is valid, and its place in the ledger.
 *
 * @param kind       {@code upload} for a file someone provided, {@code check-results} for a run's snapshot
 * @param validUntil null when it does not expire
 */
public record EvidenceItem(UUID id, String kind, String title, String filename, String mediaType, long size, String sha256,
                           List<String> controls, String collectedBy, Instant collectedAt, Instant validUntil, long ledgerSeq) {
}
