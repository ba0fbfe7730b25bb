package dev.attest.monitoring;

import dev.attest.catalog.Catalog;
import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every control has a monitor: the coverage endpoint over the whole catalog, evidence freshness with
 * its window per control, and attestations by the control's owner, as a user of the API sees them.
 */
class ControlMonitorsTest extends MailAndClockTest {

    @Autowired
    Catalog catalog;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    @Test
    void everyControlOfTheCatalogHasAMonitorAndMostHaveACheck() {
        JsonNode coverage = api().get("/api/v1/monitoring/coverage").json();
        assertThat(coverage.get("controls").asInt()).isEqualTo(catalog.controls().size());
        List<String> unmonitored = new ArrayList<>();
        for (JsonNode control : coverage.get("list")) {
            if (control.get("strongest").asText().equals("none") || control.get("monitors").isEmpty()) {
                unmonitored.add(control.get("control").asText());
            }
        }
        assertThat(unmonitored).as("controls without any monitor").isEmpty();
        assertThat(coverage.get("byMonitor").get("none").asInt()).isZero();
        // The target of issue 16: at least 60% of the catalog tested by a technical or record check.
        int withCheck = coverage.get("withCheck").asInt();
        assertThat(withCheck * 100 / catalog.controls().size()).isGreaterThanOrEqualTo(60);
        assertThat(coverage.get("domains").size()).isEqualTo(catalog.domains().size());
        assertThat(coverage.get("frameworks").size()).isEqualTo(catalog.frameworks().size());
        int summed = 0;
        for (JsonNode domain : coverage.get("domains")) {
            summed += domain.get("withCheck").asInt();
        }
        assertThat(summed).isEqualTo(withCheck);

        JsonNode bc06 = find(coverage.get("list"), "BC-06");
        assertThat(bc06.get("strongest").asText()).isEqualTo("record");
        JsonNode en04 = find(coverage.get("list"), "EN-04");
        assertThat(en04.get("strongest").asText()).isEqualTo("technical");

        Http.Response page = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD).get("/monitoring/coverage");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(withCheck + " of " + catalog.controls().size()).contains("Business continuity");
    }

    private static JsonNode find(JsonNode list, String key) {
        for (JsonNode control : list) {
            if (control.get("control").asText().equals(key)) {
                return control;
            }
        }
        throw new AssertionError("no " + key);
    }

    @Test
    void aFreshnessWindowOfZeroOrLessIsRefusedNamingTheField() {
        for (String days : List.of("0", "-5", "\"ninety\"", "null", "1.5")) {
            Http.Response refused = api().putJson("/api/v1/evidence/freshness/AM-10", "{\"days\":" + days + "}");
            assertThat(refused.status()).as(days).isEqualTo(400);
            assertThat(refused.body()).contains("days");
        }
        assertThat(api().get("/api/v1/evidence/freshness/AM-10").json().get("days").asInt()).isEqualTo(365);
        assertThat(api().putJson("/api/v1/evidence/freshness/NO-99", "{\"days\":30}").status()).isEqualTo(404);

        JsonNode set = api().putJson("/api/v1/evidence/freshness/AM-10", "{\"days\":120}").json();
        assertThat(set.get("days").asInt()).isEqualTo(120);
        assertThat(set.get("configured").asBoolean()).isTrue();
        JsonNode monitor = find(api().get("/api/v1/monitoring/coverage").json().get("list"), "AM-10").get("monitors");
        boolean windowShown = false;
        for (JsonNode m : monitor) {
            windowShown |= m.get("kind").asText().equals("freshness") && m.get("title").asText().contains("120 days");
        }
        assertThat(windowShown).isTrue();
    }

    @Test
    void onlyTheOwnerAttestsAndTheAttestationKeepsTheControlFreshForItsWindow() {
        ExtraAccounts.Account owner = ExtraAccounts.inDefaultWorkspace(jdbc, "control_owner");
        ExtraAccounts.Account colleague = ExtraAccounts.inDefaultWorkspace(jdbc, "control_owner");
        Http.Response assigned = api().patchJson("/api/v1/controls/PH-05", "{\"owner\":\"" + owner.email() + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);

        String attestation = "{\"control\":\"PH-05\",\"comment\":\"Screen lock after 5 minutes enforced by MDM; walked the office on Friday\"}";
        Http.Response byAdmin = api().postJson("/api/v1/evidence/attestations", attestation);
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(403);
        Http.Response byColleague = Http.withToken(port, colleague.token()).postJson("/api/v1/evidence/attestations", attestation);
        assertThat(byColleague.status()).isEqualTo(403);
        Http ownerApi = Http.withToken(port, owner.token());
        Http.Response blank = ownerApi.postJson("/api/v1/evidence/attestations", "{\"control\":\"PH-05\",\"comment\":\"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("comment");
        assertThat(api().get("/api/v1/evidence/freshness/PH-05").json().get("state").asText()).isEqualTo("missing");

        Http.Response attested = ownerApi.postJson("/api/v1/evidence/attestations", attestation);
        assertThat(attested.status()).as(attested.body()).isEqualTo(201);
        JsonNode item = attested.json();
        assertThat(item.get("kind").asText()).isEqualTo("attestation");
        assertThat(item.get("ledgerSeq").asLong()).isPositive();
        assertThat(item.get("collectedBy").asText()).isEqualTo(owner.email());
        String content = api().get("/api/v1/evidence/" + item.get("id").asText() + "/content").body();
        assertThat(content).contains("walked the office on Friday").contains(owner.email());

        JsonNode fresh = api().get("/api/v1/evidence/freshness/PH-05").json();
        assertThat(fresh.get("state").asText()).isEqualTo("fresh");
        assertThat(fresh.get("latestKind").asText()).isEqualTo("attestation");
        assertThat(fresh.get("days").asInt()).isEqualTo(92);
        assertThat(api().get("/api/v1/controls/PH-05").json().get("testStatus").asText()).isEqualTo("passing");
        JsonNode monitors = find(api().get("/api/v1/monitoring/coverage").json().get("list"), "PH-05").get("monitors");
        assertThat(monitors.toString()).contains("\"kind\":\"attestation\"").contains("\"state\":\"fresh\"");

        // Past its window the attestation no longer proves the control: it needs evidence again.
        CLOCK.advance(Duration.ofDays(93));
        assertThat(api().get("/api/v1/evidence/freshness/PH-05").json().get("state").asText()).isEqualTo("lapsed");
        assertThat(api().get("/api/v1/controls/PH-05").json().get("testStatus").asText()).isEqualTo("needs_evidence");
    }
}
