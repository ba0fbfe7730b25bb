package dev.attest.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/** An invitation to join the workspace in a role; the address is stripped and lower-cased. */
public record InviteMember(
        @NotNull(message = "must be an email address") @Size(max = 320, message = "must be an email address")
        @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address") String email,
        @NotNull(message = "is required") Role role) {

    public InviteMember {
        email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
