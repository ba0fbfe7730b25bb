package dev.attest.support;

import tools.jackson.databind.JsonNode;

import java.util.UUID;

/** A TLS endpoint pushed through the API that fails (or passes) the legacy-protocol check, for tests that need a finding. */
public final class FailingEndpoint {

    private FailingEndpoint() {
    }

    /** Pushes {@code host}:443 offering TLS 1.0 when {@code legacy}, and otherwise passing every TLS check. */
    public static void push(int port, String host, boolean legacy) {
        var pushed = Http.withToken(port, AttestTest.ADMIN_TOKEN).postJson("/api/v1/resources", """
                {"resources": [{"type": "tls.endpoint", "id": "%s:443", "data": {"host": "%s", "tls10": %s, "tls11": false,
                  "tls12": true, "tls13": true, "https": true, "hsts": true, "hstsMaxAge": 31536000, "daysToExpiry": 80,
                  "notBefore": "2025-01-01T00:00:00Z", "chainTrusted": true, "hostnameMatches": true, "keyType": "RSA",
                  "keySize": 2048, "signatureAlgorithm": "SHA256withRSA"}}]}""".formatted(host, host, legacy));
        if (pushed.status() != 202) {
            throw new AssertionError("push refused: " + pushed.body());
        }
    }

    /** A new endpoint offering TLS 1.0 and the id of the finding its legacy-protocol check opened. */
    public static String legacyTlsFinding(int port) {
        String host = "legacy-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        push(port, host, true);
        for (JsonNode f : Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/findings?check=tls-no-legacy-protocols&status=open&limit=1000").json()) {
            if (f.get("resourceId").asText().equals(host + ":443")) {
                return f.get("id").asText();
            }
        }
        throw new AssertionError("no finding opened for " + host);
    }
}
