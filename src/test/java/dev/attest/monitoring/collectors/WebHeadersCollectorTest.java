package dev.attest.monitoring.collectors;

import com.sun.net.httpserver.HttpServer;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import dev.attest.monitoring.internal.collectors.WebHeadersCollector;
import dev.attest.support.BuiltInChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against HTTP servers the test starts: one that sends every security header, one that sends none and leaks. */
class WebHeadersCollectorTest {

    static HttpServer server;
    static String base;
    final WebHeadersCollector collector = new WebHeadersCollector();
    final BuiltInChecks checks = new BuiltInChecks("web.yaml");

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/good", exchange -> {
            var h = exchange.getResponseHeaders();
            h.add("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            h.add("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            h.add("X-Content-Type-Options", "nosniff");
            h.add("Server", "app");
            h.add("Set-Cookie", "SESSION=abc; Path=/; Secure; HttpOnly; SameSite=Lax");
            h.add("Set-Cookie", "prefs=dark; Secure; HttpOnly; SameSite=Strict");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/bad", exchange -> {
            var h = exchange.getResponseHeaders();
            h.add("Content-Security-Policy", "script-src 'self' 'unsafe-inline'");
            h.add("Server", "Apache/2.4.41 (Ubuntu)");
            h.add("X-Powered-By", "PHP/7.2.1");
            h.add("Set-Cookie", "PHPSESSID=xyz; path=/");
            h.add("Set-Cookie", "tracking=1; Secure; SameSite=None");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "https://app.example/redirect");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private Resource collect(String path) throws Exception {
        List<Resource> resources = collector.collect(base + path, Map.of(), step -> { });
        assertThat(resources).hasSize(1);
        assertThat(resources.get(0).type()).isEqualTo("web.app");
        return resources.get(0);
    }

    @Test
    void aWellConfiguredApplicationSendsEveryHeaderAndPassesItsChecks() throws Exception {
        Resource good = collect("/good");

        assertThat(good.id()).isEqualTo(base + "/good");
        assertThat(good.data()).containsEntry("status", 200L).containsEntry("hsts", true).containsEntry("hstsMaxAge", 31536000L)
                .containsEntry("hstsIncludeSubdomains", true).containsEntry("csp", true).containsEntry("cspUnsafeInline", false)
                .containsEntry("cspFrameAncestors", true).containsEntry("framingProtected", true).containsEntry("noSniff", true)
                .containsEntry("serverBanner", "app").containsEntry("versionDisclosed", false)
                .containsEntry("cookiesNotSecure", List.of()).containsEntry("cookiesWithoutSameSite", List.of());
        Map<String, Boolean> results = checks.evaluate(good, Instant.now());
        // Served over plain HTTP without a redirect: the one check it cannot pass.
        assertThat(results).containsEntry("web-plain-http-redirects", false);
        assertThat(results).hasSize(checks.all().size());
        Map<String, Boolean> others = new java.util.HashMap<>(results);
        others.remove("web-plain-http-redirects");
        assertThat(others).doesNotContainValue(false);
    }

    @Test
    void aLeakyApplicationShowsItsMissingHeadersInsecureCookiesAndVersionBanner() throws Exception {
        Resource bad = collect("/bad");

        assertThat(bad.data()).containsEntry("hsts", false).containsEntry("hstsMaxAge", 0L).containsEntry("cspUnsafeInline", true)
                .containsEntry("framingProtected", false).containsEntry("noSniff", false)
                .containsEntry("serverBanner", "Apache/2.4.41 (Ubuntu)").containsEntry("poweredBy", "PHP/7.2.1")
                .containsEntry("versionDisclosed", true)
                .containsEntry("cookiesNotSecure", List.of("PHPSESSID"))
                .containsEntry("cookiesNotHttpOnly", List.of("PHPSESSID", "tracking"))
                .containsEntry("cookiesWithoutSameSite", List.of("PHPSESSID", "tracking"));
        assertThat(checks.evaluate(bad, Instant.now())).containsEntry("web-hsts-six-months", false)
                .containsEntry("web-csp-no-unsafe-inline", false).containsEntry("web-framing-forbidden", false)
                .containsEntry("web-cookies-secure", false).containsEntry("web-cookies-httponly", false)
                .containsEntry("web-cookies-samesite", false).containsEntry("web-no-version-banner", false)
                .containsEntry("web-content-security-policy", true);
    }

    @Test
    void plainHttpThatRedirectsToHttpsIsRecognised() throws Exception {
        Resource redirect = collect("/redirect");

        assertThat(redirect.data()).containsEntry("status", 301L).containsEntry("redirectsToHttps", true);
        assertThat(checks.passes("web-plain-http-redirects", redirect.data(), Instant.now())).isTrue();
    }

    @Test
    void aTargetThatIsNotAUrlOrNotReachableIsACollectionFailure() throws Exception {
        assertThatThrownBy(() -> collector.collect("ftp://files.example/", Map.of(), step -> { }))
                .isInstanceOf(Collector.CollectionFailed.class).hasMessageContaining("not an http(s) URL");
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> collector.collect("http://127.0.0.1:" + closed + "/", Map.of(), step -> { }))
                .isInstanceOf(Collector.CollectionFailed.class).hasMessageContaining("not reachable");
    }
}
