package dev.attest.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What monitoring showed at a past time, rebuilt from evidence alone.
 *
 * @param checks   each check's passed and failed counts then (checks without results are absent)
 * @param results  with a check or a resource asked for: each matching result's outcome then
 * @param evidence the evidence items it was rebuilt from, oldest first (a snapshot, then changes)
 */
public record PastStatus(Instant time, List<CheckTally> checks, List<Result> results, List<UUID> evidence) {

    /** One check's outcome on one resource at that time. */
    public record Result(String checkKey, String resourceId, String outcome) {
    }
}
