package dev.attest.privacy.internal;

import dev.attest.catalog.ControlKey;
import dev.attest.privacy.DataSubjectRequest;
import dev.attest.privacy.PrivacyLaw;
import dev.attest.privacy.RequestDeadline;
import dev.attest.privacy.RequestType;
import dev.attest.support.BuiltInChecks;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in privacy check, evaluated by CEL over the resources this module supplies. */
class PrivacyChecksTest {

    private static final BuiltInChecks FILE = new BuiltInChecks("privacy.yaml");
    private static final String CHECK = "privacy-request-within-deadline";
    private static final Instant DUE = Instant.parse("2026-03-01T00:00:00Z");

    private static Map<String, Object> request(String status, Instant closedAt) {
        RequestDeadline deadline = new RequestDeadline(LocalDate.parse("2026-02-28"), DUE);
        return PrivacyRecordSources.resource(new DataSubjectRequest(UUID.randomUUID(), "DSR-TEST", RequestType.ACCESS, PrivacyLaw.GDPR,
                "staff", null, null, Instant.parse("2026-01-31T10:00:00Z"), deadline, deadline, null, null, null, List.of(),
                closedAt, "sent", status, closedAt == null ? null : "fulfilled", closedAt, "a@b", null, null)).data();
    }

    @Test
    void theFileFollowsTheSchema() {
        assertThat(FILE.all()).allSatisfy(c -> {
            assertThat(c).containsKeys("key", "title", "resourceType", "severity", "controls", "description", "expression");
            assertThat((String) c.get("key")).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(c.get("resourceType")).isEqualTo(PrivacyRecordSources.TYPE);
            assertThat(List.of("critical", "high", "medium", "low")).contains((String) c.get("severity"));
            assertThat((List<?>) c.get("controls")).allSatisfy(k -> assertThat(ControlKey.isWellFormed((String) k)).isTrue());
        });
    }

    @Test
    void anOpenRequestPassesUntilItsDeadlineAndFailsFromTheFirstInstantAfter() {
        assertThat(FILE.passes(CHECK, request("open", null), DUE.minusSeconds(1))).isTrue();
        assertThat(FILE.passes(CHECK, request("open", null), DUE)).isFalse();
    }

    @Test
    void aClosedRequestPassesWhenClosedInTimeAndFailsForAYearWhenLate() {
        assertThat(FILE.passes(CHECK, request("closed", DUE.minusSeconds(60)), DUE.plusSeconds(86_400 * 30))).isTrue();
        Instant late = DUE.plusSeconds(3600);
        assertThat(FILE.passes(CHECK, request("closed", late), late.plusSeconds(86_400))).isFalse();
        assertThat(FILE.passes(CHECK, request("closed", late), late.plusSeconds(86_400L * 366))).isTrue();
    }
}
