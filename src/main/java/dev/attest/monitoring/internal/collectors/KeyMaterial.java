package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.internal.Collector;
import tools.jackson.databind.JsonNode;

/**
 * Checks key material when a connection is saved, with the same readers a run uses, so that a key that
 * cannot sign is refused on the form rather than found at the first run.
 */
public final class KeyMaterial {

    private KeyMaterial() {
    }

    /** What is wrong with a PEM private key, or null when it reads as an RSA private key. */
    public static String privateKeyProblem(String pem) {
        if (!pem.contains("-----BEGIN") || !pem.contains("PRIVATE KEY-----")) {
            return "not a PEM private key (a file starting -----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----)";
        }
        try {
            ProviderJwt.privateKey(pem, "key");
            return null;
        } catch (Collector.CollectionFailed e) {
            return "not a readable RSA private key in PEM";
        }
    }

    /** What is wrong with a Google service account key file, or null when it has an email and a usable key. */
    public static String serviceAccountKeyProblem(String json) {
        JsonNode key;
        try {
            key = ProviderApi.JSON.readTree(json);
        } catch (RuntimeException e) {
            return "not a JSON key file (create a JSON key for the service account in Google Cloud and give the whole file)";
        }
        if (key == null || !key.isObject()) {
            return "not a JSON key file (create a JSON key for the service account in Google Cloud and give the whole file)";
        }
        if (RestCollector.text(key.path("client_email")) == null || RestCollector.text(key.path("private_key")) == null) {
            return "the key file has no client_email or private_key: give the service account's JSON key file";
        }
        return privateKeyProblem(key.path("private_key").asText()) == null ? null
                : "the key file's private_key is not a readable RSA private key";
    }
}
