package dev.attest.monitoring;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection form as a browser posts it: each kind's own credential fields, bad key material refused
 * under the field with nothing saved, the same check on the API, and an edit that keeps a secret left blank.
 */
@AttestTest
class ConnectionFormTest {

    @LocalServerPort
    int port;

    private Http page() {
        return Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
    }

    private boolean saved(String name) {
        return ProviderFixtures.admin(port).get("/api/v1/connections").body().contains(name);
    }

    @Test
    void theKindChooserSwapsInThatKindsFieldsAsAFragmentOrAWholePage() {
        Http page = page();
        var fragment = page.get("/monitoring/connections?kind=google-workspace", Map.of("HX-Request", "true"));
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("name=\"secrets.adminEmail\"")
                .contains("name=\"secrets.serviceAccountKey.file\"").contains("type=\"file\"").doesNotContain("secrets.password");
        var github = page.get("/monitoring/connections?kind=github");
        assertThat(github.body()).contains("<html").contains("Or as a GitHub App").contains("name=\"secrets.privateKey\"")
                .contains("name=\"secrets.token\"").contains("name=\"secrets.appId\"").contains("value=\"github\"");
        var aws = page.get("/monitoring/connections?kind=aws", Map.of("HX-Request", "true"));
        assertThat(aws.body()).contains("secrets.externalId").contains("secrets.accessKeyId").contains("secrets.secretAccessKey");
        assertThat(page.get("/monitoring/connections?kind=okta", Map.of("HX-Request", "true")).body()).contains("secrets.token")
                .doesNotContain("secrets.username");
        assertThat(page.get("/monitoring/connections?kind=entra", Map.of("HX-Request", "true")).body()).contains("secrets.clientId")
                .contains("secrets.clientSecret");
        assertThat(page.get("/monitoring/connections?kind=no-such-kind").status()).as("an unknown kind shows the first kind").isEqualTo(200);
    }

    @Test
    void aPrivateKeyThatIsNotAPemKeyIsAFormErrorNamingTheFieldAndNothingIsSaved() {
        String name = "gh app " + UUID.randomUUID();
        var refused = page().postForm("/monitoring/connections", "/monitoring/connections", Map.of("name", name, "kind", "github",
                "target", "http://127.0.0.1:1/orgs/acme", "secrets.appId", "99", "secrets.privateKey", "ssh-rsa AAAAB3NzaC1yc2E not a private key",
                "intervalMinutes", "60"), Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-testid=\"error-privateKey\"").contains("Private key (PEM): not a PEM private key")
                .contains("value=\"99\"").doesNotContain("ssh-rsa AAAAB3");
        assertThat(saved(name)).isFalse();

        var garbled = page().postForm("/monitoring/connections", "/monitoring/connections", Map.of("name", name, "kind", "github",
                "target", "http://127.0.0.1:1/orgs/acme", "secrets.appId", "99",
                "secrets.privateKey", "-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5\n-----END RSA PRIVATE KEY-----\n"), Map.of());
        assertThat(garbled.body()).contains("Private key (PEM): not a readable RSA private key");
        assertThat(saved(name)).isFalse();
    }

    @Test
    void aServiceAccountKeyWithoutClientEmailOrPrivateKeyIsAFormErrorAlsoWhenUploaded() {
        String name = "workspace " + UUID.randomUUID();
        var notJson = page().postForm("/monitoring/connections", "/monitoring/connections", Map.of("name", name,
                "kind", "google-workspace", "target", "http://127.0.0.1:1/example.com", "secrets.adminEmail", "admin@example.com",
                "secrets.serviceAccountKey", "this is not json"), Map.of());
        assertThat(notJson.status()).isEqualTo(200);
        assertThat(notJson.body()).contains("data-testid=\"error-serviceAccountKey\"")
                .contains("Service account key (JSON): not a JSON key file").contains("value=\"admin@example.com\"");

        Map<String, String> fields = new LinkedHashMap<>(Map.of("name", name, "kind", "google-workspace", "target", "http://127.0.0.1:1/example.com",
                "secrets.adminEmail", "admin@example.com"));
        var uploaded = postWithFile(fields, "secrets.serviceAccountKey.file", "key.json",
                "{\"type\": \"service_account\", \"client_email\": \"a@b.iam.gserviceaccount.com\"}");
        assertThat(uploaded.status()).isEqualTo(200);
        assertThat(uploaded.body()).contains("Service account key (JSON): the key file has no client_email or private_key");
        assertThat(saved(name)).isFalse();
    }

    @Test
    void theApiRefusesTheSameKeyMaterialWithAProblemNamingTheSecret() {
        var response = ProviderFixtures.admin(port).postJson("/api/v1/connections", """
                {"name": "api app", "kind": "github", "target": "http://127.0.0.1:1/orgs/acme", "secrets": {"appId": "1", "privateKey": "not a key"}}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"secrets.privateKey\"").contains("Private key (PEM): not a PEM private key");
    }

    @Test
    void anEditKeepsASecretLeftBlankAndNeverShowsItBack() {
        String id = ProviderFixtures.connection(ProviderFixtures.admin(port), "okta", "http://127.0.0.1:1", "{\"token\": \"00a-okta-secret\"}");
        String path = "/monitoring/connections/" + id;
        var shown = page().get(path);
        assertThat(shown.body()).contains("data-testid=\"edit\"").contains("set; leave empty to keep").doesNotContain("00a-okta-secret");

        var kept = page().postForm(path, path, Map.of("name", "okta renamed", "target", "http://127.0.0.1:1", "secrets.token", "",
                "intervalMinutes", "30"), Map.of());
        assertThat(kept.status()).isEqualTo(302);
        var connection = ProviderFixtures.admin(port).get("/api/v1/connections/" + id).json();
        assertThat(connection.get("name").asText()).isEqualTo("okta renamed");
        assertThat(connection.get("secretNames").toString()).contains("token");
        assertThat(connection.get("intervalMinutes").asInt()).isEqualTo(30);

        var refused = page().postForm(path, path, Map.of("name", "", "target", "http://127.0.0.1:1"), Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("a name of 1 to 200 characters");
        assertThat(ProviderFixtures.admin(port).get("/api/v1/connections/" + id).json().get("name").asText()).isEqualTo("okta renamed");
    }

    /** Posts the create form as multipart, the way the page's form goes, with one file part. */
    private Http.Response postWithFile(Map<String, String> fields, String part, String filename, String content) {
        Http page = page();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.get("/monitoring/connections").body());
        assertThat(csrf.find()).isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        String boundary = "----connform" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        all.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/json\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return page.post("/monitoring/connections", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }
}
