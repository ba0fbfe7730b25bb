package dev.attest.audits;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * Draws a sample. Without a size Attest proposes one from the frequency (given, or the control's);
 * without a seed it picks one and records it.
 *
 * @param frequency annual, quarterly, monthly, weekly, daily, continuous or on_event
 */
public record DrawSample(@NotBlank(message = "is required") String population, String control, @Positive Integer size, String frequency,
                         Long seed) {
}
