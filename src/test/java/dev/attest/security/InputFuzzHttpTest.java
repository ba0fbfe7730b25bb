package dev.attest.security;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Fuzz;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few fuzzed requests end to end, on top of the parser-level fuzz tests: whatever the body, the
 * answer is never a 5xx and never shows a stack trace, and a refusal is a problem detail. Each case
 * works in a workspace of its own, so that what gets accepted touches no other test's data.
 */
@AttestTest
class InputFuzzHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static void answersWithoutServerError(Http.Response response) {
        assertThat(response.status()).as(response.body()).isLessThan(500);
        assertThat(response.body()).doesNotContain("\tat dev.attest").doesNotContain("Exception:");
        if (response.status() == 400 && response.body().startsWith("{")) {
            assertThat(response.json().has("title")).as(response.body()).isTrue();
        }
    }

    /** Posts fuzzed bodies of one content type to one route, as the admin of a new workspace. */
    private void fuzzPost(String name, long seed, int tries, String path, String contentType, List<String> corpus) {
        Http admin = Http.withToken(port, ExtraAccounts.inNewWorkspace(jdbc).token());
        Fuzz.run(name, seed, tries, Duration.ofSeconds(20), corpus, input -> answersWithoutServerError(admin.post(path, contentType, input)));
    }

    @Test
    void resourcePushesAnswerWithoutServerErrors() {
        fuzzPost("resource push", 53, 60, "/api/v1/resources", "application/json", List.of(
                "{\"source\": \"fuzz\", \"resources\": [{\"type\": \"tls.endpoint\", \"id\": \"a:443\", \"data\": {\"tls10\": false}}]}",
                "{\"resources\": [{\"type\": \"git.repository\", \"id\": \"r\", \"data\": {\"commits\": 3, \"signedShare\": 0.5}}]}"));
    }

    @Test
    void checkDraftsAnswerWithoutServerErrors() {
        fuzzPost("check dry run", 59, 40, "/api/v1/checks/dry-run", "application/json", List.of(
                "{\"resourceType\": \"tls.endpoint\", \"expression\": \"resource.keySize >= 2048\"}",
                "{\"resourceType\": \"git.repository\", \"expression\": \"resource.secretFindings.all(f, f.kind != 'x')\"}"));
    }

    @Test
    void importsAnswerWithoutServerErrors() {
        fuzzPost("json import over http", 61, 30, "/api/v1/resources/import?format=json", "application/json", List.of(
                "[{\"type\": \"tls.endpoint\", \"id\": \"b:443\", \"data\": {\"tls11\": true}}]"));
        fuzzPost("csv import over http", 71, 30, "/api/v1/resources/import?format=aws-iam-credential-report", "text/csv", List.of(
                "user,arn,password_enabled,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_2_active,"
                        + "access_key_2_last_rotated\nada,arn:aws:iam::1:user/ada,true,true,false,N/A,false,N/A\n"));
    }

    @Test
    void trustCenterSubscriptionsAnswerWithoutServerErrors() {
        Http visitor = Http.anonymous(port);
        Fuzz.run("trust center subscribe", 67, 15, Duration.ofSeconds(15), List.of("ada@example.com", "x"),
                input -> answersWithoutServerError(visitor.postForm("/trust/subscribe", "/trust/subscribe", Map.of("email", input), Map.of())));
    }
}
