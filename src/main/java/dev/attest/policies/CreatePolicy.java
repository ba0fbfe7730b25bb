package dev.attest.policies;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * A policy written by hand, or the first draft of one from a template.
 *
 * @param owner a member's email, lower case; null for none (a member of the workspace: checked against its members)
 */
public record CreatePolicy(
        @NotBlank(message = "must not be empty") @Size(max = CreatePolicy.MAX_TITLE, message = "must be at most 200 characters") String title,
        @NotBlank(message = "must not be empty") @Size(max = CreatePolicy.MAX_BODY, message = "must be at most 200000 characters") String body,
        String owner) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 200_000;

    public CreatePolicy {
        title = title == null ? null : title.strip();
        owner = owner == null || owner.isBlank() ? null : owner.strip().toLowerCase(Locale.ROOT);
    }
}
