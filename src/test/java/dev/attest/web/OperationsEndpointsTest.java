package dev.attest.web;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.FailingEndpoint;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What a load balancer, an orchestrator and a Prometheus server read from a node. */
@AttestTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessAndLivenessAreSeparateProbes() {
        Http probe = Http.anonymous(port);
        assertThat(probe.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(probe.get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        assertThat(probe.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(probe.get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void metricsNeedTheirOwnTokenAndNameTheOperatorsFigures() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer wrong-token").statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer " + AttestTest.ADMIN_TOKEN).statusCode()).as("an API token is not the metrics token").isEqualTo(401);
        Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/readiness");

        HttpResponse<String> metrics = scrape("Bearer attest-test-metrics-token");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count{", "attest_collector_runs_seconds_count{",
                "attest_collector_runs_seconds_sum{", "attest_evaluations_total{", "attest_findings_open{",
                "attest_ledger_head_age_seconds{", "attest_mail_failures_total{", "attest_job_queue_age_seconds{");
        assertThat(metrics.body()).containsPattern("attest_findings_open\\{application=\"attest\",severity=\"critical\"\\} \\d+");
    }

    @Test
    void aRiskAcceptedFindingIsNotCountedOpenAsTheFindingsListHasIt() throws Exception {
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        String id = FailingEndpoint.legacyTlsFinding(port);
        String severity = admin.get("/api/v1/findings/" + id + "/work").json().get("finding").get("finding").get("severity").asText()
                .toLowerCase(java.util.Locale.ROOT);
        ExtraAccounts.Account approver = ExtraAccounts.inDefaultWorkspace(jdbc, "compliance_manager");
        long before = openFindings(severity);

        var requested = admin.postJson("/api/v1/findings/" + id + "/acceptance", "{\"reason\": \"Legacy clients until March\", \"approver\": \""
                + approver.email() + "\", \"expiresOn\": \"" + LocalDate.now(ZoneOffset.UTC).plusDays(30) + "\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(openFindings(severity)).as("requested, not yet approved: still open").isEqualTo(before);
        var approved = Http.withToken(port, approver.token()).post("/api/v1/findings/" + id + "/acceptance/approval", "application/json", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        assertThat(openFindings(severity)).isEqualTo(before - 1);
    }

    private long openFindings(String severity) throws Exception {
        String body = scrape("Bearer attest-test-metrics-token").body();
        Matcher m = Pattern.compile("attest_findings_open\\{application=\"attest\",severity=\"" + severity + "\"\\} ([0-9.E]+)").matcher(body);
        assertThat(m.find()).as(severity + " in " + body.lines().filter(l -> l.startsWith("attest_findings_open")).toList()).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }
}
