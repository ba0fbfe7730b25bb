package dev.attest.vendors;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.JsonPost;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The vendor register through the API: derived tiers, review dates, and refused input. */
@AttestTest
class VendorsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode add(String json) {
        HttpResponse<String> response = JsonPost.json(port, AttestTest.ADMIN_TOKEN, "/api/v1/vendors", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    @Test
    void aVendorWithHealthDataIsHighRiskAndDueForReviewAYearAfterItsReport() {
        String name = unique("Clinic Cloud");
        JsonNode vendor = add("""
                {"name":"%s","website":"https://clinic.example","purpose":"Hosts patient records","data":["health","personal"],
                 "countries":["us","DE"],"subprocessor":true,"reportType":"soc2","reportReviewedOn":"2026-03-01",
                 "reportReviewer":"admin@localhost","dpaSignedOn":"2026-01-10","baaSignedOn":"2026-01-10","transferMechanism":"dpf",
                 "contractStart":"2026-01-01","contractEnd":"2027-12-31"}""".formatted(name));

        assertThat(vendor.get("riskTier").asString()).isEqualTo("high");
        assertThat(vendor.get("derivedTier").asString()).isEqualTo("high");
        assertThat(vendor.get("countries").toString()).isEqualTo("[\"US\",\"DE\"]");
        assertThat(vendor.get("transfersOutsideEea").asBoolean()).isTrue();
        assertThat(vendor.get("nextReviewOn").asString()).isEqualTo("2027-03-01");

        JsonNode read = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/vendors/" + vendor.get("id").asString()).json();
        assertThat(read.get("name").asString()).isEqualTo(name);
        assertThat(read.get("baaSignedOn").asString()).isEqualTo("2026-01-10");
    }

    @Test
    void anOverriddenTierNeedsAReasonAndIsKeptBesideTheDerivedOne() {
        HttpResponse<String> refused = JsonPost.json(port, AttestTest.ADMIN_TOKEN, "/api/v1/vendors",
                "{\"name\":\"%s\",\"data\":[\"internal\"],\"tierOverride\":\"high\"}".formatted(unique("Payroll")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("overrideReason");

        JsonNode vendor = add("{\"name\":\"%s\",\"data\":[\"internal\"],\"tierOverride\":\"high\",\"overrideReason\":\"business critical\"}"
                .formatted(unique("Payroll")));
        assertThat(vendor.get("derivedTier").asString()).isEqualTo("medium");
        assertThat(vendor.get("riskTier").asString()).isEqualTo("high");
        assertThat(vendor.get("overrideReason").asString()).isEqualTo("business critical");
    }

    @Test
    void badInputIsA400NamingEachFieldAndNothingIsSaved() {
        String name = unique("Broken");
        HttpResponse<String> response = JsonPost.json(port, AttestTest.ADMIN_TOKEN, "/api/v1/vendors", """
                {"name":"%s","website":"not a url","data":["gossip"],"countries":["XX"],"contractStart":"tomorrow",
                 "transferMechanism":"handshake"}""".formatted(name));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors").toString()).contains("\"data\"", "\"contractStart\"", "\"transferMechanism\"");
        assertThat(Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/vendors").body()).doesNotContain(name);

        HttpResponse<String> second = JsonPost.json(port, AttestTest.ADMIN_TOKEN, "/api/v1/vendors", """
                {"name":"%s","website":"not a url","countries":["XX"],"subprocessor":true,"baaSignedOn":"2020-01-01"}""".formatted(name));
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("\"website\"", "\"countries\"", "\"subprocessor\"", "\"baaSignedOn\"");
    }

    @Test
    void aSubprocessorListIsFilteredAndAnUnknownVendorIsA404() {
        String name = unique("Mailer");
        add("{\"name\":\"%s\",\"data\":[\"personal\"],\"countries\":[\"IE\"],\"subprocessor\":true}".formatted(name));
        Http api = Http.withToken(port, AttestTest.ADMIN_TOKEN);

        assertThat(api.get("/api/v1/vendors?subprocessor=true").body()).contains(name);
        assertThat(api.get("/api/v1/vendors/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/vendors/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void updatingAndRemovingAVendor() {
        JsonNode vendor = add("{\"name\":\"%s\",\"data\":[\"none\"]}".formatted(unique("Coffee")));
        String id = vendor.get("id").asString();
        Http api = Http.withToken(port, AttestTest.ADMIN_TOKEN);

        Http.Response updated = api.putJson("/api/v1/vendors/" + id,
                "{\"name\":\"%s\",\"data\":[\"customer\"],\"countries\":[\"FR\"]}".formatted(vendor.get("name").asString()));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("riskTier").asString()).isEqualTo("high");
        assertThat(updated.json().get("transfersOutsideEea").asBoolean()).isFalse();

        assertThat(api.delete("/api/v1/vendors/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/vendors/" + id).status()).isEqualTo(404);
    }
}
