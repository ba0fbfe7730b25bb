package dev.attest.obligations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A recurring duty to put on the calendar.
 *
 * @param title    the name on the calendar; blank takes the kind's own title
 * @param owner    a member's email, lower case, or null (checked against the workspace's members)
 * @param firstDue the first due day; later ones follow the kind's interval from it
 */
public record ScheduleDuty(
        @NotNull(message = "choose the kind of duty") DutyKind kind,
        @Size(max = 200, message = "is longer than 200 characters") String title,
        String owner,
        @NotNull(message = "is not a date (YYYY-MM-DD)") LocalDate firstDue) {

    public ScheduleDuty {
        title = title == null || title.isBlank() ? (kind == null ? null : kind.title()) : title.strip();
        owner = owner == null || owner.isBlank() ? null : owner.strip().toLowerCase(Locale.ROOT);
    }
}
