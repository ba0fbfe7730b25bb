package dev.attest.monitoring;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@AttestTest
class MonitoringPagesTest {

    @LocalServerPort
    int port;

    private Http browser() {
        return Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
    }

    private String pushBadEndpoint() {
        String host = "pages-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        var pushed = Http.withToken(port, AttestTest.ADMIN_TOKEN).postJson("/api/v1/resources", """
                {"resources": [{"type": "tls.endpoint", "id": "%s:443", "data": {"host": "%s", "tls10": true, "tls11": false,
                  "tls12": true, "tls13": false, "https": true, "hsts": false, "hstsMaxAge": 0, "daysToExpiry": 10,
                  "notBefore": "2025-01-01T00:00:00Z", "chainTrusted": true, "hostnameMatches": true, "keyType": "RSA",
                  "keySize": 2048, "signatureAlgorithm": "SHA256withRSA"}}]}""".formatted(host, host));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(202);
        return host;
    }

    @Test
    void theOverviewDrawsTheTrendAsServerRenderedSvgAndListsTheChecks() {
        pushBadEndpoint();
        var page = browser().get("/monitoring");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"trend-chart\"").contains("<polyline").contains("TLS 1.0 and 1.1 are disabled");
        assertThat(page.body()).doesNotContain("style=");
    }

    @Test
    void aCheckPageShowsEachResourcesResultAndTheValuesRead() {
        String host = pushBadEndpoint();
        var page = browser().get("/monitoring/checks/tls-no-legacy-protocols");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(host + ":443").contains("tls10=true");
    }

    @Test
    void theEditorShowsAnExpressionErrorWithItsPositionAsFragmentOrPage() {
        Http browser = browser();
        Map<String, String> form = Map.of("key", "editor-" + UUID.randomUUID().toString().substring(0, 6), "title", "t",
                "resourceType", "tls.endpoint", "severity", "low", "controls", "EN-03", "expression", "resource.tls10 &&", "action", "save");

        var fragment = browser.postForm("/monitoring/checks/new", "/monitoring/checks", form, Map.of("HX-Request", "true"));
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("line 1, column").doesNotContain("<html");

        var page = browser.postForm("/monitoring/checks/new", "/monitoring/checks", form, Map.of());
        assertThat(page.body()).contains("<html").contains("line 1, column");
    }

    @Test
    void theEditorDryRunsAndSaves() {
        String host = pushBadEndpoint();
        Http browser = browser();
        String key = "editor-ok-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> dry = Map.of("key", key, "title", "HSTS present", "resourceType", "tls.endpoint", "severity", "low",
                "controls", "EN-03", "expression", "resource.hsts", "action", "dry-run");

        var dryRun = browser.postForm("/monitoring/checks/new", "/monitoring/checks", dry, Map.of("HX-Request", "true"));
        assertThat(dryRun.body()).contains("data-testid=\"dry-run\"").contains(host + ":443");

        var saved = browser.postForm("/monitoring/checks/new", "/monitoring/checks", Map.of("key", key, "title", "HSTS present",
                "resourceType", "tls.endpoint", "severity", "low", "controls", "EN-03", "expression", "resource.hsts", "action", "save"), Map.of());
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith("/monitoring/checks/" + key);
    }

    @Test
    void findingsFilterAsPageAndFragment() {
        String host = pushBadEndpoint();
        Http browser = browser();

        var page = browser.get("/monitoring/findings?status=open&severity=high&check=tls-no-legacy-protocols");
        assertThat(page.body()).contains("<html").contains(host + ":443");
        var fragment = browser.get("/monitoring/findings?status=open&severity=low&check=tls-no-legacy-protocols", Map.of("HX-Request", "true"));
        assertThat(fragment.body()).doesNotContain("<html").doesNotContain(host + ":443");
        var bad = browser.get("/monitoring/findings?severity=urgent");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("severity");
    }

    @Test
    void aConnectionPageShowsItsRunsAndRunNowAddsOne() throws Exception {
        Http browser = browser();
        var created = browser.postForm("/monitoring/connections", "/monitoring/connections",
                Map.of("name", "down tls", "kind", "tls", "target", "localhost:1", "intervalMinutes", "60"), Map.of());
        assertThat(created.status()).isEqualTo(302);
        String path = created.header("Location").replaceFirst("^https?://[^/]+", "");

        var run = browser.postForm(path, path + "/runs", Map.of(), Map.of("HX-Request", "true"));
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body()).contains("data-testid=\"runs\"").doesNotContain("<html");
        String body = "";
        for (int i = 0; i < 50; i++) {
            body = browser.get(path).body();
            if (body.contains("run-failed")) break;
            Thread.sleep(200);
        }
        assertThat(body).contains("run-failed").contains("not reachable");
    }
}
