package dev.attest.incidents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A post-mortem follow-up.
 *
 * @param owner the email of the member who owns it
 */
public record AddActionItem(@NotBlank(message = "is required") @Size(max = 2000, message = "at most 2000 characters") String description,
                            @NotBlank(message = "name the member who owns this action") String owner,
                            @NotNull(message = "give a due date as YYYY-MM-DD") LocalDate dueOn) {

    public AddActionItem {
        description = Names.text(description);
        owner = Names.text(owner);
    }
}
