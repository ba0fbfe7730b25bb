package dev.attest.monitoring;

import dev.attest.controls.WorkspaceControls;
import dev.attest.monitoring.internal.Connections;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.Services;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@AttestTest
class ConnectionsAndImportsTest {

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    WorkspaceControls controls;

    @Autowired
    JdbcClient jdbc;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    @Test
    void aPostgresConnectionKeepsItsSecretEncryptedAndItsRunCollectsTheServer() {
        Services.requirePostgres();
        String password = "s3cret-" + UUID.randomUUID();
        var created = api().postJson("/api/v1/connections", """
                {"name": "primary db", "kind": "postgres", "target": "127.0.0.1:5432/postgres",
                 "secrets": {"username": "postgres", "password": "%s"}}""".formatted(password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(password).contains("\"secretNames\":[\"password\",\"username\"]");
        String id = created.json().get("id").asText();
        String stored = jdbc.sql("select secret from monitoring_connection where id = ?").param(UUID.fromString(id)).query(String.class).single();
        assertThat(stored).doesNotContain(password).doesNotContain("postgres");

        ConnectionRun run = connections.runAndWait(TestWorkspaces.defaultWorkspace(jdbc), UUID.fromString(id), "test");

        assertThat(run.status()).as(run.error()).isEqualTo("succeeded");
        assertThat(run.resourcesSeen()).isGreaterThan(3);
        assertThat(api().get("/api/v1/resources?type=postgres.server").body()).contains("127.0.0.1:5432");
        assertThat(api().get("/api/v1/checks/postgres-ssl-enabled/results").json().size()).isPositive();
        assertThat(api().get("/api/v1/connections/" + id).json().get("lastRun").get("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void aTargetThatIsDownRecordsTheRunAsAnErrorAndChangesNoControl() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var statuses = controls.statuses(TestWorkspaces.defaultWorkspace(jdbc));
        String id = api().postJson("/api/v1/connections", """
                {"name": "down", "kind": "tls", "target": "localhost:%d"}""".formatted(closed)).json().get("id").asText();

        var started = api().postJson("/api/v1/connections/" + id + "/runs", "");
        assertThat(started.status()).isEqualTo(202);
        String runId = started.json().get("id").asText();
        JsonNode run = started.json();
        for (int i = 0; i < 100 && run.get("status").asText().equals("running"); i++) {
            Thread.sleep(100);
            run = api().get("/api/v1/runs/" + runId).json();
        }

        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).contains("localhost:" + closed).contains("not reachable");
        assertThat(api().get("/api/v1/resources?type=tls.endpoint&limit=1000").body()).doesNotContain("localhost:" + closed);
        assertThat(controls.statuses(TestWorkspaces.defaultWorkspace(jdbc))).isEqualTo(statuses);
    }

    @Test
    void testingAConnectionSaysWhetherItsCredentialsWorkAndStoresNothing() {
        Services.requirePostgres();
        String good = api().postJson("/api/v1/connections", """
                {"name": "tested db", "kind": "postgres", "target": "127.0.0.1:5432/postgres",
                 "secrets": {"username": "postgres", "password": ""}}""").json().get("id").asText();
        String wrong = api().postJson("/api/v1/connections", """
                {"name": "no such role", "kind": "postgres", "target": "127.0.0.1:5432/postgres",
                 "secrets": {"username": "nobody_%s", "password": "x"}}""".formatted(UUID.randomUUID().toString().substring(0, 8)))
                .json().get("id").asText();

        var works = api().postJson("/api/v1/connections/" + good + "/test", "");
        var refused = api().postJson("/api/v1/connections/" + wrong + "/test", "");

        assertThat(works.status()).as(works.body()).isEqualTo(200);
        assertThat(works.json().get("ok").asBoolean()).as(works.body()).isTrue();
        assertThat(works.json().get("missingPermissions").size()).isZero();
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().get("ok").asBoolean()).isFalse();
        assertThat(refused.json().get("message").asText()).contains("nobody_").doesNotContain("Exception");
        assertThat(api().get("/api/v1/connections/" + good + "/runs").json().size()).as("a test is not a run").isZero();
        assertThat(api().get("/api/v1/connections/" + UUID.randomUUID() + "/test").status()).isIn(404, 405);
    }

    @Test
    void theSetupOfAnUnknownKindIsNotFound() {
        var response = api().get("/api/v1/connection-kinds/mainframe/setup");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("postgres");
        assertThat(api().get("/api/v1/connection-kinds/postgres/setup").status()).isEqualTo(200);
    }

    @Test
    void aConnectionOfAnUnknownKindIsRefused() {
        var response = api().postJson("/api/v1/connections", """
                {"name": "x", "kind": "mainframe", "target": "x"}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("kind").contains("postgres");
    }

    static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
            + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
            + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
            + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
            + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n";

    @Test
    void anIamCredentialReportBecomesUsersThatTheAwsChecksJudge() {
        String account = String.valueOf(100000000000L + (long) (Math.random() * 1e11));
        String old = Instant.now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String recent = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String csv = HEADER
                + "<root_account>,arn:aws:iam::" + account + ":root," + old + ",not_supported," + recent + ",not_supported,not_supported,"
                + "false,true," + old + "," + recent + ",us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n"
                + "alice,arn:aws:iam::" + account + ":user/alice," + old + ",true," + recent + "," + recent + ",N/A,"
                + "true,true," + recent + "," + recent + ",eu-west-1,ec2,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

        var response = api().post("/api/v1/resources/import?format=aws-iam-credential-report", "text/csv", csv);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode mfa = api().get("/api/v1/checks/aws-root-mfa/results").json();
        JsonNode root = find(mfa, "arn:aws:iam::" + account + ":root");
        assertThat(root.get("outcome").asText()).isEqualTo("fail");
        assertThat(root.get("observed").get("mfaActive").asBoolean()).isFalse();
        assertThat(find(api().get("/api/v1/checks/aws-access-key-1-rotated/results").json(), "arn:aws:iam::" + account + ":root")
                .get("outcome").asText()).isEqualTo("fail");
        assertThat(find(api().get("/api/v1/checks/aws-console-users-mfa/results").json(), "arn:aws:iam::" + account + ":user/alice")
                .get("outcome").asText()).isEqualTo("pass");
    }

    private static JsonNode find(JsonNode results, String id) {
        for (JsonNode r : results) {
            if (r.get("resourceId").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + id + " in " + results);
    }

    @Test
    void aMalformedImportIsRefusedNamingLineAndColumnAndNothingIsImported() {
        String csv = HEADER
                + "bob,arn:aws:iam::999:user/bob-ok,2020-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n"
                + "carol,arn:aws:iam::999:user/carol-bad,2020-01-01T00:00:00+00:00,maybe,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

        var response = api().post("/api/v1/resources/import?format=aws-iam-credential-report", "text/csv", csv);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("line 3, column 4").contains("password_enabled");
        assertThat(api().get("/api/v1/resources?type=aws.iam.user&limit=1000").body()).doesNotContain("bob-ok");

        var json = api().post("/api/v1/resources/import?format=json", "application/json",
                "[{\"type\": \"host.linux\", \"id\": \"a\", \"data\": {}},\n {\"type\": \"host.linux\", \"id\": }]");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.body()).contains("line 2, column");
    }

    @Test
    void theHostAgentPushesThisMachine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = HostAgent.run(new String[]{"--server", "http://localhost:" + port, "--token", AttestTest.ADMIN_TOKEN},
                new PrintStream(out, true));

        assertThat(status).as(out.toString()).isZero();
        JsonNode hosts = api().get("/api/v1/resources?type=host.linux&limit=1000").json();
        assertThat(hosts.size()).isPositive();
        assertThat(api().get("/api/v1/checks/host-ssh-root-login-disabled/results").json().size()).isPositive();
    }
}
