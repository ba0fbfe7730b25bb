package dev.attest.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What monitoring showed at a past time, rebuilt from evidence alone.
 *
 * @param checks   each check's passed and failed counts then (checks without results are absent)
 * @param results  with a check or a resource asked for: each matching result's outcome then
 * @param snapshot the evidence holding the full snapshot it started from, or null when it started from nothing
 * @param changes  how many evidence items of changes it applied after that snapshot
 */
public record PastStatus(Instant time, List<CheckTally> checks, List<Result> results, UUID snapshot, int changes) {

    /** One check's outcome on one resource at that time. */
    public record Result(String checkKey, String resourceId, String outcome) {
    }
}
