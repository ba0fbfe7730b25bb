package dev.attest.incidents;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.ZoneId;

/**
 * A workspace's notification settings as changed.
 *
 * @param customerNoticeHours within how many hours of awareness the contracts promise to tell customers
 * @param timeZone            where calendar days end for deadlines counted in days
 */
public record ChangeNoticeSettings(@Min(value = 1, message = HOURS) @Max(value = 8760, message = HOURS) int customerNoticeHours,
                                   @NotNull(message = "not a time zone such as Europe/Berlin or America/New_York") ZoneId timeZone) {

    static final String HOURS = "a whole number of hours from 1 to 8760";

    public IncidentSettings settings() {
        return new IncidentSettings(customerNoticeHours, timeZone);
    }
}
