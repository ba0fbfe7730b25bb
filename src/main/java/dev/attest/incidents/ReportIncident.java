package dev.attest.incidents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A new incident as reported by anyone signed in.
 *
 * @param discoveredAt when they noticed; now when null
 * @param systems      the systems they saw affected, by name
 */
public record ReportIncident(@NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters") String title,
                             @Size(max = 8000, message = "at most 8000 characters") String description,
                             @PastOrPresent(message = "cannot be in the future") Instant discoveredAt,
                             List<@Size(max = 200, message = Names.PROBLEM) @Pattern(regexp = Names.ONE_LINE, message = Names.PROBLEM) String> systems) {

    public ReportIncident {
        title = Names.text(title);
        description = Names.text(description);
        systems = Names.distinct(systems);
    }
}
