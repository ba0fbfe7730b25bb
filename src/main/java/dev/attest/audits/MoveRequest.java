package dev.attest.audits;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Submits, accepts or flags a request; a flag needs a comment saying what is missing. */
public record MoveRequest(@NotNull(message = "is required") RequestAction action, @Size(max = 4000) String comment) {
}
