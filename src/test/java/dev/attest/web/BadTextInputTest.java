package dev.attest.web;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.JsonPost;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL character or half a surrogate pair in any text input is a 400 naming the field, on H2 and on
 * PostgreSQL alike (PostgreSQL used to fail with a 500), and nothing is saved.
 */
@AttestTest
class BadTextInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private static String marker() {
        return "Vendor " + UUID.randomUUID().toString().substring(0, 8);
    }

    private boolean vendorListed(String marker) {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/vendors").body().contains(marker);
    }

    private static void assertNamesField(String problemJson, String field) {
        JsonNode problem = JSON.readTree(problemJson);
        assertThat(problem.get("errors")).as(problemJson).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(TextInput.PROBLEM);
    }

    @Test
    void aNulInAVendorNameIsA400NamingTheFieldAndNothingIsSaved() {
        String marker = marker();
        HttpResponse<String> refused = JsonPost.json(port, AttestTest.ADMIN_TOKEN, "/api/v1/vendors",
                "{\"name\":\"" + marker + "\\u0000 Corp\",\"purpose\":\"Hosting\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertNamesField(refused.body(), "name");
        assertThat(vendorListed(marker)).isFalse();
    }

    @Test
    void anUnpairedSurrogateInANestedJsonFieldIsA400NamingIt() {
        String marker = marker();
        HttpResponse<String> refused = JsonPost.json(port, AttestTest.ADMIN_TOKEN, "/api/v1/vendors",
                "{\"name\":\"" + marker + "\",\"purpose\":\"Hosting\",\"countries\":[\"US\",\"\\ud800\"]}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertNamesField(refused.body(), "countries[1]");
        assertThat(vendorListed(marker)).isFalse();
    }

    @Test
    void aWholeSurrogatePairIsAnOrdinaryCharacter() {
        String marker = marker();
        HttpResponse<String> saved = JsonPost.json(port, AttestTest.ADMIN_TOKEN, "/api/v1/vendors",
                "{\"name\":\"" + marker + " \\ud83d\\ude80\",\"purpose\":\"Hosting\"}");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(JSON.readTree(saved.body()).get("name").asString()).isEqualTo(marker + " \uD83D\uDE80");
    }

    @Test
    void aNulInAQueryParameterIsA400NamingIt() {
        Http.Response refused = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/audit-log?actor=admin%00x");

        assertThat(refused.status()).isEqualTo(400);
        assertNamesField(refused.body(), "actor");
    }

    @Test
    void aNulInAFormFieldIsRefusedAndNothingIsSaved() {
        String marker = marker();
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        Http.Response refused = admin.postForm("/vendors/new", "/vendors", Map.of("name", marker + "\u0000", "purpose", "Hosting"), Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(vendorListed(marker)).isFalse();
    }
}
