package dev.attest.policies;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A change of a policy's title, owner or review date; a null component leaves that value as it is.
 *
 * @param owner a member's email; blank takes the owner away
 */
public record ChangePolicy(
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be empty")
        @Size(max = CreatePolicy.MAX_TITLE, message = "must be at most 200 characters") String title,
        String owner,
        LocalDate reviewDue) {

    public ChangePolicy {
        title = title == null ? null : title.strip();
    }

    /** The owner to store: the email in lower case, or null when the change takes the owner away. */
    public String ownerOrNone() {
        return owner == null || owner.isBlank() ? null : owner.strip().toLowerCase(Locale.ROOT);
    }
}
