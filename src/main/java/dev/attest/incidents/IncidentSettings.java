package dev.attest.incidents;

import java.time.ZoneId;

/**
 * A workspace's notification settings.
 *
 * @param customerNoticeHours within how many hours of awareness the workspace's contracts promise to tell customers
 * @param zone                where calendar days end for deadlines counted in days
 */
public record IncidentSettings(int customerNoticeHours, ZoneId zone) {
}
