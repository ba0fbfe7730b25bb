package dev.attest.incidents;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import java.time.Instant;

/**
 * The determination that an incident is a breach.
 *
 * @param awareAt when the organisation became aware that it is a breach; now when null
 */
public record DetermineBreach(@NotNull(message = "choose the risk to the people affected: unlikely, risk, high") BreachRisk risk,
                              @PastOrPresent(message = "cannot be in the future") Instant awareAt) {
}
