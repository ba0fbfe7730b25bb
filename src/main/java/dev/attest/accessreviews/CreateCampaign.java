package dev.attest.accessreviews;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A new campaign (API body and page form alike).
 *
 * @param recurrence   none, monthly, quarterly (the default), semiannual or annual
 * @param reviewerMode owner (the default: each system's owner or named reviewer) or manager (each holder's manager)
 * @param dormantDays  no sign-in for this many days flags an account dormant (90 by default)
 */
public record CreateCampaign(@NotBlank(message = "a name of 1 to 200 characters") @Size(max = 200, message = "a name of 1 to 200 characters") String name,
                             @NotNull(message = "the date the reviews are due, e.g. 2027-03-31") LocalDate dueOn,
                             String recurrence,
                             String reviewerMode,
                             @Min(value = 1, message = "between 1 and 3650 days") @Max(value = 3650, message = "between 1 and 3650 days") Integer dormantDays,
                             @NotEmpty(message = "at least one system to review") List<@Valid Scope> systems) {

    /** A system in scope; the reviewer defaults to the system's owner. */
    public record Scope(@NotNull(message = "the system's id") UUID systemId, String reviewer) {
    }
}
