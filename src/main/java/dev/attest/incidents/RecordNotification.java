package dev.attest.incidents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * That a breach notification went out.
 *
 * @param sentAt   when; now when null
 * @param evidence a note on how it was sent, or the name of the file that shows it
 */
public record RecordNotification(@PastOrPresent(message = "cannot be in the future") Instant sentAt,
                                 @NotBlank(message = "say how it was sent, or name the file that shows it")
                                 @Size(max = 2000, message = "at most 2000 characters") String evidence) {

    public RecordNotification {
        evidence = Names.text(evidence);
    }
}
