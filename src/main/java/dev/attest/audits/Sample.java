package dev.attest.audits;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sample drawn from a population: re-drawing with the same seed from a population with the same
 * hash gives the same items, so an auditor can check the draw.
 *
 * @param items the sampled items' ids, in the order drawn
 */
public record Sample(UUID id, UUID auditId, String population, String control, String populationHash, int populationSize,
                     int size, long seed, List<String> items, Instant drawnAt, String drawnBy) {

    public Sample {
        items = List.copyOf(items);
    }
}
