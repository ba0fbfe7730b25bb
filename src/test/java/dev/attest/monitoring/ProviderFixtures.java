package dev.attest.monitoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import tools.jackson.databind.JsonNode;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the provider tests share: a connection made through the API, its results per check, a service account key. */
final class ProviderFixtures {

    private ProviderFixtures() {
    }

    static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    static String connection(Http api, String kind, String target, String secretsJson) {
        var created = api.postJson("/api/v1/connections", """
                {"name": "%s %s", "kind": "%s", "target": "%s", "secrets": %s}""".formatted(kind, suffix(), kind, target, secretsJson));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** The latest outcome per resource of this check among resources whose id starts with the prefix: id to pass/fail. */
    static java.util.Map<String, String> outcomes(Http api, String check, String prefix) {
        var results = api.get("/api/v1/checks/" + check + "/results?limit=1000");
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        java.util.Map<String, String> outcomes = new java.util.TreeMap<>();
        for (JsonNode r : results.json()) {
            if (r.get("resourceId").asText().startsWith(prefix)) {
                outcomes.put(r.get("resourceId").asText(), r.get("outcome").asText());
            }
        }
        return outcomes;
    }

    static long failures(Http api, String check, String prefix) {
        return outcomes(api, check, prefix).values().stream().filter("fail"::equals).count();
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** A service account key file as Google issues it, with the token endpoint on the test server. */
    static String serviceAccountKey(KeyPair keys, String tokenUri) {
        return """
                {"type": "service_account", "project_id": "attest-test", "private_key_id": "k1",
                 "private_key": "%s", "client_email": "attest@attest-test.iam.gserviceaccount.com", "client_id": "1234567890",
                 "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "%s"}"""
                .formatted(pem(keys).replace("\n", "\\n"), tokenUri);
    }

    /** The secrets JSON holding a key file (a JSON string inside JSON) and the admin to act as. */
    static String googleSecrets(String keyJson, String admin) {
        return "{\"serviceAccountKey\": " + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(keyJson)
                + ", \"adminEmail\": \"" + admin + "\"}";
    }

    static Http admin(int port) {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1"));
        server.start();
        return server;
    }
}
