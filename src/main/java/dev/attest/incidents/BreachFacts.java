package dev.attest.incidents;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the notification clocks are computed from, as determined for one breach.
 *
 * @param awareAt             when the organisation became aware that it is a breach (GDPR and contracts count from here)
 * @param discoveredAt        when the breach was first known, or should have been (HIPAA counts days from here)
 * @param data                the kinds of data affected
 * @param risk                the risk to the people affected, as GDPR weighs it
 * @param individualsAffected how many people are affected in all
 * @param residentsByState    of those, how many live in each US state or jurisdiction (e.g. {@code CA -> 612})
 * @param customers           the customers affected, by name
 * @param customerNoticeHours the hours within which the workspace's contracts promise to tell customers
 * @param zone                the workspace's time zone: HIPAA's calendar days and years end at its midnight
 */
public record BreachFacts(Instant awareAt, Instant discoveredAt, Set<DataCategory> data, BreachRisk risk,
                          int individualsAffected, Map<String, Integer> residentsByState, List<String> customers,
                          int customerNoticeHours, ZoneId zone) {

    public BreachFacts {
        data = Set.copyOf(data);
        residentsByState = Map.copyOf(residentsByState);
        customers = List.copyOf(customers);
    }
}
