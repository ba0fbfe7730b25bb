package dev.attest.accessreviews;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A reviewer's decision on one account: keep, revoke or change (to which roles), with a comment. */
public record Decide(@NotBlank(message = "keep, revoke or change") String decision,
                     List<@NotBlank(message = "a role name") @Size(max = 200) String> roles,
                     @Size(max = 4000, message = "at most 4000 characters") String comment) {
}
