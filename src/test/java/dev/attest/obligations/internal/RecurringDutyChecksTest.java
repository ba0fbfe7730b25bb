package dev.attest.obligations.internal;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record checks on recurring duties, end to end: a scheduled duty passes until it is overdue and
 * its control follows; a kind nobody scheduled fails rather than passing on nothing.
 */
class RecurringDutyChecksTest extends MailAndClockTest {

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private JsonNode resultOf(String check, String resourceId) {
        for (JsonNode result : api().get("/api/v1/checks/" + check + "/results").json()) {
            if (result.get("resourceId").asText().equals(resourceId)) {
                return result;
            }
        }
        throw new AssertionError("no result of " + check + " for " + resourceId);
    }

    private void evaluate() {
        Http.Response run = api().postJson("/api/v1/monitoring/evaluate", "{}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
    }

    @Test
    void aScheduledDutyPassesUntilOverdueAndItsControlFollows() {
        LocalDate today = LocalDate.now(CLOCK.withZone(ZoneOffset.UTC));
        Http.Response created = api().postJson("/api/v1/obligations/duties", """
                {"kind":"wireless-scan","title":"Rogue access point sweep","firstDue":"%s"}""".formatted(today.plusDays(10)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        evaluate();
        assertThat(resultOf("duty-wireless-scan", id).get("outcome").asText()).isEqualTo("pass");
        assertThat(api().get("/api/v1/controls/NS-12").json().get("testStatus").asText()).isEqualTo("passing");

        CLOCK.advance(Duration.ofDays(12));
        evaluate();
        assertThat(resultOf("duty-wireless-scan", id).get("outcome").asText()).isEqualTo("fail");
        assertThat(api().get("/api/v1/controls/NS-12").json().get("testStatus").asText()).isEqualTo("failing");

        Http.Response done = api().postJson("/api/v1/obligations/duties/" + id + "/completion", "{}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        evaluate();
        assertThat(resultOf("duty-wireless-scan", id).get("outcome").asText()).isEqualTo("pass");
    }

    @Test
    void aDutyNobodyScheduledFailsItsCheck() {
        evaluate();
        JsonNode unscheduled = resultOf("duty-card-reader-inspection", "card-reader-inspection:unscheduled");
        assertThat(unscheduled.get("outcome").asText()).isEqualTo("fail");
        assertThat(api().get("/api/v1/controls/PH-09").json().get("testStatus").asText()).isEqualTo("failing");
    }
}
