package dev.attest.audits;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Populations for the audit period, exported with their hash, and samples anyone can re-draw from the recorded seed. */
@AttestTest
class AuditSamplingTest {

    @LocalServerPort
    int port;

    Http admin() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    String auditOverTheLastMonth() {
        Http.Response created = admin().postJson("/api/v1/audits", """
                {"kind":"soc2_type2","firm":"Example Audit LLP","leadAuditor":"Dana Reyes","periodStart":"%s","periodEnd":"%s"}"""
                .formatted(LocalDate.now().minusDays(30), LocalDate.now().plusDays(1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    void reportIncident(String title) {
        assertThat(admin().postJson("/api/v1/incidents", "{\"title\":\"" + title + "\",\"description\":\"seen in logs\",\"systems\":[\"billing-db\"]}")
                .status()).isEqualTo(201);
    }

    @Test
    void theSameSeedOverAPopulationWithTheSameHashDrawsTheSameItems() throws Exception {
        String audit = auditOverTheLastMonth();
        for (int i = 0; i < 6; i++) {
            reportIncident("Sampling incident " + i + " " + UUID.randomUUID());
        }
        var incidents = admin().get("/api/v1/audits/" + audit + "/populations").json().valueStream()
                .filter(p -> p.get("name").asString().equals("incidents")).findFirst().orElseThrow();
        assertThat(incidents.get("size").asInt()).isGreaterThanOrEqualTo(6);

        Http.Response csv = admin().get("/api/v1/audits/" + audit + "/populations/incidents");
        assertThat(csv.body()).startsWith("id,date,description,evidence\n").contains("incidents.reported");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(csv.header("X-Population-SHA256")).isEqualTo(hash).isEqualTo(incidents.get("sha256").asString());

        var first = admin().postJson("/api/v1/audits/" + audit + "/samples", "{\"population\":\"incidents\",\"size\":4,\"seed\":20261206}").json();
        var second = admin().postJson("/api/v1/audits/" + audit + "/samples", "{\"population\":\"incidents\",\"size\":4,\"seed\":20261206}").json();
        assertThat(first.get("items").size()).isEqualTo(4);
        assertThat(first.get("populationHash").asString()).isEqualTo(hash);
        assertThat(second.get("items")).isEqualTo(first.get("items"));
        assertThat(csv.body()).contains(first.get("items").get(0).asString());

        var redraw = admin().post("/api/v1/audits/" + audit + "/samples/" + first.get("id").asString() + "/redraw", "application/json", "").json();
        assertThat(redraw.get("samePopulation").asBoolean()).isTrue();
        assertThat(redraw.get("sameItems").asBoolean()).isTrue();

        // Items without evidence in Attest became requests to the client.
        assertThat(admin().get("/api/v1/audits/" + audit + "/requests").body()).contains("Evidence for sampled incidents item");

        // Once the population changes, its hash does, and the re-draw says so.
        reportIncident("One more " + UUID.randomUUID());
        var changed = admin().post("/api/v1/audits/" + audit + "/samples/" + first.get("id").asString() + "/redraw", "application/json", "").json();
        assertThat(changed.get("samePopulation").asBoolean()).isFalse();
    }

    @Test
    void attestProposesASizeFromTheFrequencyAndRefusesASampleLargerThanItsPopulation() {
        String audit = auditOverTheLastMonth();
        for (int i = 0; i < 3; i++) {
            reportIncident("Proposal incident " + i + " " + UUID.randomUUID());
        }
        var quarterly = admin().postJson("/api/v1/audits/" + audit + "/samples", "{\"population\":\"incidents\",\"frequency\":\"quarterly\"}");
        assertThat(quarterly.status()).as(quarterly.body()).isEqualTo(201);
        assertThat(quarterly.json().get("size").asInt()).isEqualTo(2);
        assertThat(quarterly.json().get("seed").isNumber()).isTrue();

        Http.Response tooLarge = admin().postJson("/api/v1/audits/" + audit + "/samples", "{\"population\":\"incidents\",\"size\":100000}");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        Http.Response unknown = admin().postJson("/api/v1/audits/" + audit + "/samples", "{\"population\":\"unicorns\",\"size\":1}");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("population");
    }
}
