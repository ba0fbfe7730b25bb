package dev.attest.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The breach notification deadlines, as a pure function of the facts: no clock, no database.
 *
 * <ul>
 *   <li>GDPR Art. 33: the supervisory authority within 72 hours of awareness, when personal (or
 *       health) data is affected, unless the breach is unlikely to result in a risk.</li>
 *   <li>GDPR Art. 34: the data subjects without undue delay when the risk is high; Attest holds
 *       the same 72 hours as the target.</li>
 *   <li>HIPAA 164.404: the individuals within 60 calendar days of discovery.</li>
 *   <li>HIPAA 164.408: HHS within the same 60 days when 500 or more people are affected; for
 *       fewer, in the yearly log, within 60 days after the end of the calendar year of discovery.</li>
 *   <li>HIPAA 164.406: prominent media in each state or jurisdiction where more than 500
 *       residents are affected, within the same 60 days.</li>
 *   <li>US states: the affected residents of each state whose breach-notification statute names a number of
 *       days ({@link #STATE_DAYS}), counted as calendar days from discovery. The other states require notice
 *       "without unreasonable delay" and set no date, so Attest opens no clock for them.</li>
 *   <li>Contracts: the affected customers within the hours the workspace's contracts promise.</li>
 * </ul>
 *
 * Hours are elapsed time, so a clock change does not move them. Calendar days end at midnight in
 * the workspace's time zone: a HIPAA deadline is the last second of its day there.
 */
public final class NotificationRules {

    public static final Duration GDPR_WINDOW = Duration.ofHours(72);
    public static final int HIPAA_DAYS = 60;
    /** HHS is told at once from this many people affected (164.408(b)). */
    public static final int HIPAA_HHS_THRESHOLD = 500;
    /** The media are told where more than this many residents of a state are affected (164.406(a)). */
    public static final int HIPAA_MEDIA_THRESHOLD = 500;

    /**
     * US states whose breach-notification statute gives residents a fixed number of calendar days from
     * discovery (as the statutes read in 2026). A state not listed has no fixed deadline.
     */
    public static final Map<String, Integer> STATE_DAYS = Map.ofEntries(
            Map.entry("AL", 45), Map.entry("AZ", 45), Map.entry("CA", 30), Map.entry("CO", 30), Map.entry("CT", 60),
            Map.entry("DE", 60), Map.entry("FL", 30), Map.entry("IN", 45), Map.entry("LA", 60), Map.entry("MD", 45),
            Map.entry("ME", 30), Map.entry("NM", 45), Map.entry("NY", 30), Map.entry("OH", 45), Map.entry("OR", 45),
            Map.entry("RI", 45), Map.entry("SD", 60), Map.entry("TN", 45), Map.entry("TX", 60), Map.entry("VT", 45),
            Map.entry("WA", 30), Map.entry("WI", 45));

    private NotificationRules() {
    }

    /** Every notification the facts require, GDPR first, then HIPAA, then US states, then customers. */
    public static List<ClockDue> clocks(BreachFacts facts) {
        List<ClockDue> clocks = new ArrayList<>();
        boolean personal = facts.data().contains(DataCategory.PERSONAL) || facts.data().contains(DataCategory.HEALTH);
        if (personal && facts.risk() != BreachRisk.UNLIKELY) {
            clocks.add(new ClockDue("gdpr-art33", "GDPR Art. 33", "Lead supervisory authority",
                    facts.awareAt().plus(GDPR_WINDOW), "72 hours after awareness"));
        }
        if (personal && facts.risk() == BreachRisk.HIGH) {
            clocks.add(new ClockDue("gdpr-art34", "GDPR Art. 34", "Affected data subjects",
                    facts.awareAt().plus(GDPR_WINDOW), "without undue delay: high risk to the people affected (target 72 hours after awareness)"));
        }
        if (facts.data().contains(DataCategory.HEALTH)) {
            LocalDate discovered = LocalDate.ofInstant(facts.discoveredAt(), facts.zone());
            Instant sixtyDays = endOfDay(discovered.plusDays(HIPAA_DAYS), facts.zone());
            String sixtyBasis = HIPAA_DAYS + " calendar days after discovery on " + discovered;
            clocks.add(new ClockDue("hipaa-individuals", "HIPAA 164.404", "Affected individuals", sixtyDays, sixtyBasis));
            int affected = Math.max(facts.individualsAffected(), facts.residentsByState().values().stream().mapToInt(Integer::intValue).sum());
            if (affected >= HIPAA_HHS_THRESHOLD) {
                clocks.add(new ClockDue("hipaa-hhs", "HIPAA 164.408", "HHS Secretary", sixtyDays,
                        affected + " individuals (500 or more): " + sixtyBasis));
            } else {
                LocalDate yearEnd = LocalDate.of(discovered.getYear(), 12, 31);
                clocks.add(new ClockDue("hipaa-hhs-annual", "HIPAA 164.408(c)", "HHS Secretary (yearly log)",
                        endOfDay(yearEnd.plusDays(HIPAA_DAYS), facts.zone()),
                        affected + " individuals (under 500): " + HIPAA_DAYS + " days after the end of " + discovered.getYear()));
            }
            for (Map.Entry<String, Integer> state : new TreeMap<>(facts.residentsByState()).entrySet()) {
                if (state.getValue() > HIPAA_MEDIA_THRESHOLD) {
                    clocks.add(new ClockDue("hipaa-media:" + state.getKey(), "HIPAA 164.406", "Prominent media outlets in " + state.getKey(),
                            sixtyDays, state.getValue() + " residents of " + state.getKey() + " (more than 500): " + sixtyBasis));
                }
            }
        }
        if (personal) {
            LocalDate discovered = LocalDate.ofInstant(facts.discoveredAt(), facts.zone());
            for (Map.Entry<String, Integer> state : new TreeMap<>(facts.residentsByState()).entrySet()) {
                Integer days = STATE_DAYS.get(state.getKey());
                if (days != null && state.getValue() > 0) {
                    clocks.add(new ClockDue("state:" + state.getKey(), state.getKey() + " breach-notification law",
                            "Affected residents of " + state.getKey(), endOfDay(discovered.plusDays(days), facts.zone()),
                            state.getValue() + " residents: " + days + " calendar days after discovery on " + discovered));
                }
            }
        }
        if (facts.data().contains(DataCategory.CUSTOMER) || !facts.customers().isEmpty()) {
            String who = facts.customers().isEmpty() ? "Affected customers" : "Affected customers: " + String.join(", ", facts.customers());
            clocks.add(new ClockDue("customers", "Customer contracts", who,
                    facts.awareAt().plus(Duration.ofHours(facts.customerNoticeHours())),
                    facts.customerNoticeHours() + " hours after awareness, as the contracts promise"));
        }
        return clocks;
    }

    /** The last second of the day in the zone; the next day's start finds the right instant across clock changes. */
    static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
    }
}
