package dev.attest.incidents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An incident's post-mortem: its root cause and what was learned. */
public record WritePostMortem(@NotBlank(message = "is required") @Size(max = 8000, message = "at most 8000 characters") String rootCause,
                              @Size(max = 8000, message = "at most 8000 characters") String lessons) {

    public WritePostMortem {
        rootCause = Names.text(rootCause);
        lessons = Names.text(lessons);
    }
}
