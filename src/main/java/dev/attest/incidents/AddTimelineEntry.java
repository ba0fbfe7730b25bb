package dev.attest.incidents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * A line for an incident's timeline.
 *
 * @param at when it happened: often earlier than now, as things are written up after; now when null
 */
public record AddTimelineEntry(@PastOrPresent(message = "cannot be in the future") Instant at,
                               @NotBlank(message = "is required") @Size(max = 4000, message = "at most 4000 characters") String entry) {

    public AddTimelineEntry {
        entry = Names.text(entry);
    }
}
