package dev.attest.incidents;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline rules at their edges: elapsed hours across clock changes, calendar days across month, year and zone ends. */
class NotificationRulesTest {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static BreachFacts facts(String aware, String discovered, Set<DataCategory> data, BreachRisk risk, int individuals,
                                     Map<String, Integer> byState, List<String> customers, int hours, ZoneId zone) {
        return new BreachFacts(Instant.parse(aware), Instant.parse(discovered), data, risk, individuals, byState, customers, hours, zone);
    }

    private static BreachFacts health(String discovered, int individuals, Map<String, Integer> byState, ZoneId zone) {
        return facts(discovered, discovered, Set.of(DataCategory.HEALTH), BreachRisk.RISK, individuals, byState, List.of(), 24, zone);
    }

    private static Map<String, Instant> due(BreachFacts facts) {
        Map<String, Instant> due = new java.util.LinkedHashMap<>();
        NotificationRules.clocks(facts).forEach(c -> due.put(c.key(), c.due()));
        return due;
    }

    // GDPR: 72 elapsed hours

    @Test
    void gdprGivesTheAuthoritySeventyTwoHoursFromAwareness() {
        BreachFacts f = facts("2026-06-10T09:15:00Z", "2026-06-01T00:00:00Z", Set.of(DataCategory.PERSONAL), BreachRisk.RISK,
                10, Map.of(), List.of(), 24, UTC);

        assertThat(due(f)).containsExactly(Map.entry("gdpr-art33", Instant.parse("2026-06-13T09:15:00Z")));
        assertThat(NotificationRules.clocks(f).get(0).recipient()).isEqualTo("Lead supervisory authority");
    }

    @Test
    void gdprHoursAreElapsedTimeAcrossTheSpringClockChange() {
        // Berlin moves from CET to CEST at 02:00 on 29 March 2026: 72 real hours later reads an hour later on the wall.
        Instant aware = ZonedDateTime.of(2026, 3, 27, 11, 0, 0, 0, BERLIN).toInstant();
        BreachFacts f = facts(aware.toString(), aware.toString(), Set.of(DataCategory.PERSONAL), BreachRisk.RISK, 1, Map.of(), List.of(), 24, BERLIN);

        Instant due = due(f).get("gdpr-art33");
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
        assertThat(due.atZone(BERLIN).toLocalDateTime().toString()).isEqualTo("2026-03-30T12:00");
    }

    @Test
    void gdprHoursAreElapsedTimeAcrossTheAutumnClockChange() {
        Instant aware = ZonedDateTime.of(2026, 10, 24, 12, 0, 0, 0, BERLIN).toInstant();
        BreachFacts f = facts(aware.toString(), aware.toString(), Set.of(DataCategory.PERSONAL), BreachRisk.RISK, 1, Map.of(), List.of(), 24, BERLIN);

        assertThat(due(f).get("gdpr-art33").atZone(BERLIN).toLocalDateTime().toString()).isEqualTo("2026-10-27T11:00");
    }

    @Test
    void gdprAcrossTheYearEnd() {
        BreachFacts f = facts("2026-12-30T23:59:59Z", "2026-12-30T23:59:59Z", Set.of(DataCategory.PERSONAL), BreachRisk.HIGH,
                1, Map.of(), List.of(), 24, UTC);

        assertThat(due(f)).containsEntry("gdpr-art33", Instant.parse("2027-01-02T23:59:59Z"))
                .containsEntry("gdpr-art34", Instant.parse("2027-01-02T23:59:59Z"));
    }

    @Test
    void dataSubjectsAreToldOnlyWhenTheRiskIsHigh() {
        BreachFacts risk = facts("2026-06-10T09:00:00Z", "2026-06-10T09:00:00Z", Set.of(DataCategory.PERSONAL), BreachRisk.RISK,
                1, Map.of(), List.of(), 24, UTC);
        BreachFacts high = facts("2026-06-10T09:00:00Z", "2026-06-10T09:00:00Z", Set.of(DataCategory.PERSONAL), BreachRisk.HIGH,
                1, Map.of(), List.of(), 24, UTC);

        assertThat(due(risk)).doesNotContainKey("gdpr-art34");
        assertThat(due(high)).containsKeys("gdpr-art33", "gdpr-art34");
    }

    @Test
    void aBreachUnlikelyToResultInRiskNeedsNoAuthorityNotice() {
        BreachFacts f = facts("2026-06-10T09:00:00Z", "2026-06-10T09:00:00Z", Set.of(DataCategory.PERSONAL), BreachRisk.UNLIKELY,
                1, Map.of(), List.of(), 24, UTC);

        assertThat(NotificationRules.clocks(f)).isEmpty();
    }

    @Test
    void cardholderDataAloneStartsNoneOfTheseClocks() {
        BreachFacts f = facts("2026-06-10T09:00:00Z", "2026-06-10T09:00:00Z", Set.of(DataCategory.CARDHOLDER), BreachRisk.HIGH,
                1, Map.of(), List.of(), 24, UTC);

        assertThat(NotificationRules.clocks(f)).isEmpty();
    }

    // HIPAA: 60 calendar days, ending at midnight in the workspace's zone

    @Test
    void hipaaCountsSixtyCalendarDaysAcrossMonthEnds() {
        // January has 31 days and February 2026 has 28: 1 January + 60 days is 2 March.
        assertThat(due(health("2026-01-01T10:00:00Z", 10, Map.of(), UTC)).get("hipaa-individuals"))
                .isEqualTo(Instant.parse("2026-03-02T23:59:59Z"));
        // In a leap year 1 January + 60 days is 1 March, and 31 December 2027 + 60 days is 29 February 2028.
        assertThat(due(health("2028-01-01T10:00:00Z", 10, Map.of(), UTC)).get("hipaa-individuals"))
                .isEqualTo(Instant.parse("2028-03-01T23:59:59Z"));
        assertThat(due(health("2027-12-31T10:00:00Z", 10, Map.of(), UTC)).get("hipaa-individuals"))
                .isEqualTo(Instant.parse("2028-02-29T23:59:59Z"));
    }

    @Test
    void hipaaDaysEndAtMidnightInTheWorkspaceZoneAcrossTheSpringClockChange() {
        // New York: discovered 10 January (EST); 60 days later is 11 March, after the change to EDT on 8 March.
        Instant discovered = ZonedDateTime.of(2026, 1, 10, 9, 0, 0, 0, NEW_YORK).toInstant();
        Instant due = due(health(discovered.toString(), 10, Map.of(), NEW_YORK)).get("hipaa-individuals");

        assertThat(due).isEqualTo(Instant.parse("2026-03-12T03:59:59Z"));
        assertThat(due.atZone(NEW_YORK).toLocalDateTime().toString()).isEqualTo("2026-03-11T23:59:59");
    }

    @Test
    void aDeadlineOnTheDayOfAClockChangeEndsAtThatDaysMidnight() {
        // 7 January + 60 days is 8 March 2026, the 23-hour day on which New York moves to EDT.
        Instant spring = due(health(ZonedDateTime.of(2026, 1, 7, 12, 0, 0, 0, NEW_YORK).toInstant().toString(), 10, Map.of(), NEW_YORK))
                .get("hipaa-individuals");
        assertThat(spring).isEqualTo(Instant.parse("2026-03-09T03:59:59Z"));
        // 2 September + 60 days is 1 November 2026, the 25-hour day on which New York returns to EST.
        Instant autumn = due(health(ZonedDateTime.of(2026, 9, 2, 12, 0, 0, 0, NEW_YORK).toInstant().toString(), 10, Map.of(), NEW_YORK))
                .get("hipaa-individuals");
        assertThat(autumn).isEqualTo(Instant.parse("2026-11-02T04:59:59Z"));
        assertThat(autumn.atZone(NEW_YORK).toLocalDateTime().toString()).isEqualTo("2026-11-01T23:59:59");
    }

    @Test
    void theDayOfDiscoveryIsTheDayInTheWorkspaceZoneNotInUtc() {
        // 21:00 on 31 December in New York is already 1 January in UTC.
        Instant discovered = ZonedDateTime.of(2026, 12, 31, 21, 0, 0, 0, NEW_YORK).toInstant();
        assertThat(discovered.toString()).startsWith("2027-01-01");

        Map<String, Instant> inNewYork = due(health(discovered.toString(), 10, Map.of(), NEW_YORK));
        Map<String, Instant> inUtc = due(health(discovered.toString(), 10, Map.of(), UTC));

        // Counted from 31 December 2026: 60 days end on 1 March 2027; the yearly HHS log for 2026 is due the same day.
        assertThat(inNewYork.get("hipaa-individuals").atZone(NEW_YORK).toLocalDate().toString()).isEqualTo("2027-03-01");
        assertThat(inNewYork.get("hipaa-hhs-annual").atZone(NEW_YORK).toLocalDate().toString()).isEqualTo("2027-03-01");
        // Counted from 1 January 2027: 60 days end on 2 March 2027, and the breach falls in 2027's log, due 29 February 2028.
        assertThat(inUtc.get("hipaa-individuals")).isEqualTo(Instant.parse("2027-03-02T23:59:59Z"));
        assertThat(inUtc.get("hipaa-hhs-annual")).isEqualTo(Instant.parse("2028-02-29T23:59:59Z"));
    }

    @Test
    void theYearlyHhsLogIsDueSixtyDaysAfterTheYearEnds() {
        assertThat(due(health("2026-01-01T00:00:00Z", 499, Map.of(), UTC)).get("hipaa-hhs-annual"))
                .isEqualTo(Instant.parse("2027-03-01T23:59:59Z"));
        assertThat(due(health("2027-12-31T23:59:59Z", 499, Map.of(), UTC)).get("hipaa-hhs-annual"))
                .isEqualTo(Instant.parse("2028-02-29T23:59:59Z"));
    }

    @Test
    void hhsIsToldAtOnceFromFiveHundredPeopleAndYearlyBelow() {
        Map<String, Instant> small = due(health("2026-05-01T12:00:00Z", 499, Map.of(), UTC));
        Map<String, Instant> large = due(health("2026-05-01T12:00:00Z", 500, Map.of(), UTC));

        assertThat(small).containsKey("hipaa-hhs-annual").doesNotContainKey("hipaa-hhs");
        assertThat(large).containsKey("hipaa-hhs").doesNotContainKey("hipaa-hhs-annual");
        assertThat(large.get("hipaa-hhs")).isEqualTo(large.get("hipaa-individuals")).isEqualTo(Instant.parse("2026-06-30T23:59:59Z"));
    }

    @Test
    void theResidentsOfEveryStateCountTowardsTheHhsThreshold() {
        Map<String, Instant> due = due(health("2026-05-01T12:00:00Z", 0, Map.of("CA", 300, "NY", 200), UTC));

        assertThat(due).containsKey("hipaa-hhs").doesNotContainKeys("hipaa-media:CA", "hipaa-media:NY");
    }

    @Test
    void theMediaAreToldInEachStateWithMoreThanFiveHundredResidents() {
        Map<String, Instant> due = due(health("2026-05-01T12:00:00Z", 1200, Map.of("CA", 501, "NY", 500, "TX", 199), UTC));

        assertThat(due).containsKeys("hipaa-individuals", "hipaa-hhs", "hipaa-media:CA")
                .doesNotContainKeys("hipaa-media:NY", "hipaa-media:TX", "hipaa-hhs-annual");
        assertThat(NotificationRules.clocks(health("2026-05-01T12:00:00Z", 1200, Map.of("CA", 501), UTC)))
                .filteredOn(c -> c.key().equals("hipaa-media:CA")).singleElement()
                .satisfies(c -> assertThat(c.recipient()).contains("CA"));
    }

    @Test
    void healthDataIsAlsoPersonalDataForGdpr() {
        assertThat(due(health("2026-05-01T12:00:00Z", 10, Map.of(), UTC))).containsKeys("gdpr-art33", "hipaa-individuals");
    }

    // Contracts

    @Test
    void customersAreToldWithinTheContractualHours() {
        BreachFacts f = facts("2026-02-28T20:00:00Z", "2026-02-27T00:00:00Z", Set.of(DataCategory.CUSTOMER), BreachRisk.UNLIKELY,
                0, Map.of(), List.of("Acme", "Globex"), 48, UTC);

        List<ClockDue> clocks = NotificationRules.clocks(f);
        assertThat(clocks).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("customers");
            assertThat(c.due()).isEqualTo(Instant.parse("2026-03-02T20:00:00Z"));
            assertThat(c.recipient()).contains("Acme", "Globex");
        });
    }

    @Test
    void namedCustomersStartTheContractClockEvenWithoutCustomerData() {
        BreachFacts f = facts("2026-02-28T20:00:00Z", "2026-02-27T00:00:00Z", Set.of(), BreachRisk.UNLIKELY,
                0, Map.of(), List.of("Acme"), 24, UTC);

        assertThat(due(f)).containsOnlyKeys("customers");
    }

    @Test
    void everyClockThatAppliesStartsTogether() {
        BreachFacts f = facts("2026-04-01T08:00:00Z", "2026-03-31T22:00:00Z",
                Set.of(DataCategory.PERSONAL, DataCategory.HEALTH, DataCategory.CUSTOMER), BreachRisk.HIGH,
                2000, Map.of("CA", 900, "WA", 700), List.of("Acme"), 24, UTC);

        assertThat(due(f).keySet()).containsExactly("gdpr-art33", "gdpr-art34", "hipaa-individuals", "hipaa-hhs",
                "hipaa-media:CA", "hipaa-media:WA", "state:CA", "state:WA", "customers");
        assertThat(due(f).get("hipaa-individuals")).isEqualTo(Instant.parse("2026-05-30T23:59:59Z"));
    }

    // US states with a number of days in their statute

    @Test
    void residentsOfAStateWithADeadlineInItsStatuteStartItsClockFromDiscovery() {
        BreachFacts f = facts("2026-06-10T09:15:00Z", "2026-06-01T15:00:00Z", Set.of(DataCategory.PERSONAL), BreachRisk.RISK,
                700, Map.of("CA", 600, "TX", 80, "PA", 20), List.of(), 24, NEW_YORK);

        Map<String, Instant> due = due(f);
        // 30 and 60 calendar days after 1 June, ending at midnight in New York (EDT, UTC-4).
        assertThat(due).containsEntry("state:CA", Instant.parse("2026-07-02T03:59:59Z"))
                .containsEntry("state:TX", Instant.parse("2026-08-01T03:59:59Z"))
                .doesNotContainKey("state:PA");
        assertThat(NotificationRules.clocks(f).stream().filter(c -> c.key().equals("state:CA")).findFirst().orElseThrow().basis())
                .contains("600 residents", "30 calendar days after discovery on 2026-06-01");
    }

    @Test
    void noStateClockWithoutPersonalDataOrResidents() {
        assertThat(due(facts("2026-06-10T09:15:00Z", "2026-06-01T00:00:00Z", Set.of(DataCategory.CARDHOLDER), BreachRisk.RISK,
                600, Map.of("CA", 600), List.of(), 24, UTC))).doesNotContainKey("state:CA");
        assertThat(due(facts("2026-06-10T09:15:00Z", "2026-06-01T00:00:00Z", Set.of(DataCategory.PERSONAL), BreachRisk.RISK,
                600, Map.of("CA", 0), List.of(), 24, UTC))).doesNotContainKey("state:CA");
    }
}
