package dev.attest.identity;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Single sign-on end to end against mock-oauth2-server as a real OpenID Connect provider. */
@AttestTest
class SingleSignOnTest {

    static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void sso(DynamicPropertyRegistry registry) {
        registry.add("attest.sso.issuer-uri", () -> PROVIDER.issuerUrl("default").toString());
        registry.add("attest.sso.client-id", () -> "attest");
        registry.add("attest.sso.client-secret", () -> "attest-secret");
        registry.add("attest.sso.allowed-domains", () -> "sso.example.test");
        registry.add("attest.sso.default-role", () -> "control_owner");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String url) throws Exception {
        String absolute = url.startsWith("http") ? url : "http://localhost:" + port + url;
        return browser.send(HttpRequest.newBuilder(URI.create(absolute)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** Walks the authorization code flow as a browser does: app, provider, back to the app. */
    private HttpResponse<String> signInAs(String email) throws Exception {
        return signInWith(Map.of("email", email, "name", "Sam Sso"), email);
    }

    /** The same flow with the ID token carrying these claims. */
    private HttpResponse<String> signInWith(Map<String, Object> claims, String email) throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("default", "subject-" + email, "JWT", List.of("attest"), claims, 3600));
        assertThat(get("/login").body()).contains("Sign in with single sign-on");
        HttpResponse<String> toProvider = get("/oauth2/authorization/sso");
        assertThat(location(toProvider)).startsWith(PROVIDER.issuerUrl("default").toString());
        HttpResponse<String> backToApp = get(location(toProvider));
        assertThat(location(backToApp)).contains("/login/oauth2/code/sso?code=");
        return get(location(backToApp));
    }

    @Test
    void aFirstSignInCreatesTheMemberInTheDefaultRole() throws Exception {
        String email = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@sso.example.test";

        HttpResponse<String> done = signInAs(email);

        assertThat(location(done)).endsWith("/");
        assertThat(get("/account").body()).contains(email, "control_owner");
        Http api = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        assertThat(api.get("/api/v1/members").body()).contains(email);
        assertThat(api.get("/api/v1/audit-log?action=identity.sign-in-succeeded&actor=" + email).body()).contains("single sign-on");
    }

    @Test
    void anEmailOutsideTheAllowedDomainsIsRefused() throws Exception {
        String email = "eve-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.test";

        HttpResponse<String> refused = signInAs(email);

        assertThat(location(refused)).endsWith("/login?sso-refused");
        assertThat(get("/login?sso-refused").body()).contains("Single sign-on refused");
        assertThat(get("/account").statusCode()).isEqualTo(302);
        assertThat(Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/members").body()).doesNotContain(email);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'identity.sso-failed' and actor = ?").param(email)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCallbackWithAWrongStateIsRefusedAndRecorded() throws Exception {
        get("/login");
        HttpResponse<String> forged = get("/login/oauth2/code/sso?code=stolen&state=not-the-state");

        assertThat(location(forged)).endsWith("/login?sso-error");
        assertThat(get("/login?sso-error").body()).contains("Single sign-on failed");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'identity.sso-failed' and summary like '%authorization_request_not_found%'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void anIdTokenWithAnotherSignInsNonceIsRefusedAndRecorded() throws Exception {
        String email = "mallory-" + UUID.randomUUID().toString().substring(0, 8) + "@sso.example.test";

        // An ID token minted for some other sign-in (its nonce is not the one this browser's request sent).
        HttpResponse<String> refused = signInWith(Map.of("email", email, "name", "Mallory", "nonce", "replayed-from-elsewhere"), email);

        assertThat(location(refused)).endsWith("/login?sso-error");
        assertThat(get("/account").statusCode()).isEqualTo(302);
        assertThat(Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/members").body()).doesNotContain(email);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'identity.sso-failed' and summary like '%nonce%'")
                .query(Long.class).single()).isPositive();
    }
}
