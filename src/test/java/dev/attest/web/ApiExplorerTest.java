package dev.attest.web;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The API description carries Attest's title, version and description; Swagger UI is served to signed-in users. */
@AttestTest
class ApiExplorerTest {

    @LocalServerPort
    int port;

    @Test
    void theDescriptionNamesAttest() {
        JsonNode info = Http.anonymous(port).get("/v3/api-docs").json().get("info");
        assertThat(info.get("title").asString()).isEqualTo("Attest API");
        assertThat(info.get("version").asString()).isNotEqualTo("v0").isNotBlank();
        assertThat(info.get("description").asString()).contains("Bearer", "RFC 9457");
    }

    @Test
    void swaggerUiIsForSignedInUsersAndKeepsTheContentSecurityPolicy() {
        assertThat(Http.anonymous(port).get("/swagger-ui/index.html").header("Location")).endsWith("/login");
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        assertThat(admin.get("/account/tokens").body()).contains("data-testid=\"api-explorer\"");
        Http.Response page = admin.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("<script>");
        assertThat(page.header("Content-Security-Policy")).doesNotContain("unsafe-inline");
        assertThat(admin.get("/v3/api-docs/swagger-config").body()).contains("/v3/api-docs");
        assertThat(admin.get("/swagger-ui/swagger-initializer.js").status()).isEqualTo(200);
    }
}
