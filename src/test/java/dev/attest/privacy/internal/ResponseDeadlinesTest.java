package dev.attest.privacy.internal;

import dev.attest.privacy.PrivacyLaw;
import dev.attest.privacy.RequestDeadline;
import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deadline rules at their edges: month ends, leap years, time zones and daylight-saving changes. */
class ResponseDeadlinesTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private static ResponseDeadlines at(String now, ZoneId zone) {
        return new ResponseDeadlines(Clock.fixed(Instant.parse(now), UTC), zone);
    }

    private static RequestDeadline gdpr(String received, ZoneId zone) {
        return at(received, zone).original(PrivacyLaw.GDPR, Instant.parse(received));
    }

    @Test
    void gdprGivesOneCalendarMonthFromReceipt() {
        assertThat(gdpr("2026-03-10T09:00:00Z", UTC).dueDate()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(gdpr("2026-03-10T09:00:00Z", UTC).dueAt()).isEqualTo(Instant.parse("2026-04-11T00:00:00Z"));
    }

    @Test
    void aMonthWithoutTheDayOfReceiptEndsOnItsLastDay() {
        assertThat(gdpr("2026-01-31T12:00:00Z", UTC).dueDate()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(gdpr("2028-01-31T12:00:00Z", UTC).dueDate()).as("leap year").isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(gdpr("2028-01-30T12:00:00Z", UTC).dueDate()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(gdpr("2026-03-31T12:00:00Z", UTC).dueDate()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(gdpr("2026-12-31T12:00:00Z", UTC).dueDate()).as("across the year end").isEqualTo(LocalDate.of(2027, 1, 31));
    }

    @Test
    void aGdprExtensionCountsThreeMonthsFromReceiptNotFromTheShortenedFirstMonth() {
        ResponseDeadlines rules = at("2026-02-01T00:00:00Z", UTC);
        assertThat(rules.extended(PrivacyLaw.GDPR, Instant.parse("2026-01-31T12:00:00Z")).dueDate())
                .isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(rules.extended(PrivacyLaw.GDPR, Instant.parse("2027-11-30T12:00:00Z")).dueDate())
                .as("into a leap February").isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void ccpaGivesFortyFiveCalendarDaysAndNinetyWhenExtended() {
        ResponseDeadlines rules = at("2026-12-20T08:00:00Z", UTC);
        Instant received = Instant.parse("2026-12-20T08:00:00Z");
        assertThat(rules.original(PrivacyLaw.CCPA, received).dueDate()).isEqualTo(LocalDate.of(2027, 2, 3));
        assertThat(rules.extended(PrivacyLaw.CCPA, received).dueDate()).isEqualTo(LocalDate.of(2027, 3, 20));
        assertThat(rules.original(PrivacyLaw.CCPA, Instant.parse("2028-02-01T08:00:00Z")).dueDate())
                .as("February 29 counts as a day").isEqualTo(LocalDate.of(2028, 3, 17));
    }

    @Test
    void theDayOfReceiptIsTheWorkspacesLocalDay() {
        // 22:30 UTC on 31 March is already 1 April in Berlin, and still 31 March in Los Angeles.
        String received = "2026-03-31T22:30:00Z";
        assertThat(gdpr(received, UTC).dueDate()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(gdpr(received, BERLIN).dueDate()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(gdpr(received, BERLIN).dueAt()).isEqualTo(Instant.parse("2026-05-01T22:00:00Z"));
        assertThat(gdpr("2026-04-01T03:00:00Z", LOS_ANGELES).dueDate()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(gdpr("2026-04-01T03:00:00Z", LOS_ANGELES).dueAt()).isEqualTo(Instant.parse("2026-05-01T07:00:00Z"));
    }

    @Test
    void aDeadlineOnTheSpringForwardDayEndsAtThatShortDaysLocalMidnight() {
        // Berlin springs forward on 29 March 2026: that day has 23 hours.
        RequestDeadline berlin = at("2026-02-12T10:00:00Z", BERLIN).original(PrivacyLaw.CCPA, Instant.parse("2026-02-12T10:00:00Z"));
        assertThat(berlin.dueDate()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(berlin.dueAt()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(Duration.between(berlin.dueDate().atStartOfDay(BERLIN).toInstant(), berlin.dueAt())).isEqualTo(Duration.ofHours(23));

        // Los Angeles springs forward on 8 March 2026.
        RequestDeadline la = at("2026-01-22T18:00:00Z", LOS_ANGELES).original(PrivacyLaw.CCPA, Instant.parse("2026-01-22T18:00:00Z"));
        assertThat(la.dueDate()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(la.dueAt()).isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
    }

    @Test
    void aDeadlineOnTheFallBackDayEndsAtThatLongDaysLocalMidnight() {
        // Berlin falls back on 25 October 2026: that day has 25 hours.
        RequestDeadline deadline = gdpr("2026-09-25T10:00:00Z", BERLIN);
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        assertThat(Duration.between(deadline.dueDate().atStartOfDay(BERLIN).toInstant(), deadline.dueAt())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aRequestIsOverdueFromTheFirstInstantAfterItsLastDay() {
        RequestDeadline deadline = gdpr("2026-01-31T12:00:00Z", UTC);
        assertThat(at("2026-02-28T23:59:59.999Z", UTC).overdue(deadline)).isFalse();
        assertThat(at("2026-03-01T00:00:00Z", UTC).overdue(deadline)).isTrue();
    }

    @Test
    void anExtensionWithoutAReasonIsRefused() {
        ResponseDeadlines rules = at("2026-02-10T00:00:00Z", UTC);
        Instant received = Instant.parse("2026-02-01T00:00:00Z");
        assertThatThrownBy(() -> rules.extend(PrivacyLaw.GDPR, received, false, null))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> rules.extend(PrivacyLaw.GDPR, received, false, "   "))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("recorded reason");
    }

    @Test
    void anExtensionIsGrantedOnceAndOnlyWithinTheOriginalPeriod() {
        Instant received = Instant.parse("2026-01-31T12:00:00Z");
        assertThat(at("2026-02-28T23:00:00Z", UTC).extend(PrivacyLaw.GDPR, received, false, "200 systems to search").dueDate())
                .as("on the last day").isEqualTo(LocalDate.of(2026, 4, 30));
        assertThatThrownBy(() -> at("2026-03-01T00:00:00Z", UTC).extend(PrivacyLaw.GDPR, received, false, "late"))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("original deadline has passed");
        assertThatThrownBy(() -> at("2026-02-10T00:00:00Z", UTC).extend(PrivacyLaw.GDPR, received, true, "again"))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("already been extended");
        assertThat(at("2026-03-17T00:00:00Z", UTC).extend(PrivacyLaw.CCPA, Instant.parse("2026-02-01T00:00:00Z"), false, "complex").dueDate())
                .isEqualTo(LocalDate.of(2026, 5, 2));
    }
}
