package dev.attest.program;

import dev.attest.identity.Role;
import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The search API and page: each kind of record found by name or id, grouped by kind, only what the caller may read. */
@AttestTest
class SearchTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private List<JsonNode> results(Http client, String text) {
        Http.Response response = client.get("/api/v1/search?q=" + q(text));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> hits = new ArrayList<>();
        response.json().get("results").forEach(hits::add);
        return hits;
    }

    @Test
    void findsRecordsOfEveryKindByNameAndById() {
        String word = "Zephyr" + UUID.randomUUID().toString().substring(0, 6);
        var vendor = api().postJson("/api/v1/vendors", "{\"name\":\"" + word + " Hosting\",\"countries\":[\"DE\"]}");
        assertThat(vendor.status()).as(vendor.body()).isIn(200, 201);
        String vendorId = vendor.json().get("id").asString();
        var risk = api().postJson("/api/v1/risks", """
                {"title":"%s outage","category":"operational","owner":"admin@localhost","inherentLikelihood":3,"inherentImpact":3,
                 "residualLikelihood":2,"residualImpact":2,"treatment":"mitigate"}""".formatted(word));
        assertThat(risk.status()).as(risk.body()).isIn(200, 201);

        List<JsonNode> hits = results(api(), word.toLowerCase());
        assertThat(hits).extracting(h -> h.get("kind").asString()).contains("vendor", "risk");
        JsonNode vendorHit = hits.stream().filter(h -> h.get("kind").asString().equals("vendor")).findFirst().orElseThrow();
        assertThat(vendorHit.get("title").asString()).isEqualTo(word + " Hosting");
        assertThat(vendorHit.get("url").asString()).isEqualTo("/vendors/" + vendorId);
        // kinds come grouped in a fixed order: vendors before risks
        List<String> kinds = hits.stream().map(h -> h.get("kind").asString()).toList();
        assertThat(kinds.indexOf("vendor")).isLessThan(kinds.indexOf("risk"));

        // by id, exactly
        assertThat(results(api(), vendorId)).extracting(h -> h.get("id").asString()).containsExactly(vendorId);

        // controls by key and requirements by ref come from the catalog
        assertThat(results(api(), "AC-01")).anySatisfy(h -> {
            assertThat(h.get("kind").asString()).isEqualTo("control");
            assertThat(h.get("url").asString()).isEqualTo("/controls/AC-01");
        });
        assertThat(results(api(), "CC6.1")).anySatisfy(h -> {
            assertThat(h.get("kind").asString()).isEqualTo("requirement");
            assertThat(h.get("url").asString()).isEqualTo("/frameworks/soc2#req-CC6.1");
        });

        // a like wildcard typed by the person is taken literally
        assertThat(results(api(), "%%" + word.substring(3))).isEmpty();
    }

    @Test
    void aTooShortQueryIsAProblemNamingTheField() {
        Http.Response response = api().get("/api/v1/search?q=a");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"q\"", "at least 2 characters");
        assertThat(api().get("/api/v1/search").status()).isEqualTo(400);
        assertThat(api().get("/api/v1/search?q=" + "x".repeat(101)).status()).isEqualTo(400);
    }

    @Test
    void aPersonFindsOnlyTheKindsTheyMayRead() {
        String word = "Quokka" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api().postJson("/api/v1/vendors", "{\"name\":\"" + word + "\",\"countries\":[\"DE\"]}").status()).isIn(200, 201);
        var owner = TestAccounts.member(context, Role.CONTROL_OWNER);
        Http session = Http.signedIn(port, owner.email(), owner.password());
        var page = session.get("/search?q=" + q(word), Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        boolean ownerReadsVendors = session.get("/vendors", Map.of("Accept", "text/html")).status() == 200;
        if (ownerReadsVendors) {
            assertThat(page.body()).contains(word);
        } else {
            assertThat(page.body()).doesNotContain(">" + word + "<").contains("Nothing matches");
        }
        var employee = TestAccounts.member(context, Role.EMPLOYEE);
        assertThat(Http.signedIn(port, employee.email(), employee.password()).get("/search?q=" + q(word), Map.of("Accept", "text/html")).status())
                .isEqualTo(403);
    }

    @Test
    void thePageAnswersHtmxWithTheResultsAloneAndShowsAFormError() {
        Http session = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        var full = session.get("/search?q=AC-01", Map.of("Accept", "text/html"));
        assertThat(full.body()).contains("<nav aria-label=\"Main\"", "data-kind=\"control\"", "href=\"/controls/AC-01\"");
        var fragment = session.get("/search?q=AC-01", Map.of("Accept", "text/html", "HX-Request", "true"));
        assertThat(fragment.body()).contains("data-kind=\"control\"").doesNotContain("<nav aria-label=\"Main\"");
        var tooShort = session.get("/search?q=x", Map.of("Accept", "text/html"));
        assertThat(tooShort.status()).isEqualTo(200);
        assertThat(tooShort.body()).contains("Type at least 2 characters to search.", "aria-invalid=\"true\"");
    }
}
