package dev.attest.web;

import java.time.Instant;
import java.util.Optional;

/**
 * Work a module keeps queued in the database for any node to claim (collector runs): the job queue age
 * meter reports the oldest item still waiting, across modules.
 */
public interface QueuedWork {

    /** When the oldest item still waiting for a node was queued, or empty when nothing waits. */
    Optional<Instant> oldestWaiting();
}
