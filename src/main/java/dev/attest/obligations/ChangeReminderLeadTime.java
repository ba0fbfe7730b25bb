package dev.attest.obligations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How many days before a due date owners are reminded: 0 (on the day) to 90. */
public record ChangeReminderLeadTime(
        @NotNull(message = LEAD_TIME) @Min(value = 0, message = LEAD_TIME) @Max(value = 90, message = LEAD_TIME) Integer reminderDays) {

    static final String LEAD_TIME = "must be a whole number of days from 0 to 90";
}
