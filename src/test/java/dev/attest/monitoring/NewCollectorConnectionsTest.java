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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis and MariaDB kinds through the connections API: a target that refuses the credentials makes the
 * run an error carrying the server's message, and no control it feeds changes status because of it.
 */
@AttestTest
class NewCollectorConnectionsTest {

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    WorkspaceControls controls;

    @Autowired
    JdbcClient jdbc;

    private ConnectionRun refusedRun(String kind, String target) {
        var created = Http.withToken(port, AttestTest.ADMIN_TOKEN).postJson("/api/v1/connections", """
                {"name": "refused %s", "kind": "%s", "target": "%s",
                 "secrets": {"username": "attest_nobody", "password": "wrong-%s"}}""".formatted(kind, kind, target, UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return connections.runAndWait(TestWorkspaces.defaultWorkspace(jdbc), UUID.fromString(created.json().get("id").asText()), "test");
    }

    @Test
    void aRedisThatRefusesTheCredentialsIsAFailedRunAndNoControlChanges() {
        Services.requireRedis();
        var before = controls.statuses(TestWorkspaces.defaultWorkspace(jdbc));

        ConnectionRun run = refusedRun("redis", "127.0.0.1:6379");

        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).contains("127.0.0.1:6379").contains("refused the credentials").contains("WRONGPASS");
        assertThat(controls.statuses(TestWorkspaces.defaultWorkspace(jdbc))).isEqualTo(before);
    }

    @Test
    void aMariaDbThatRefusesTheCredentialsIsAFailedRunAndNoControlChanges() {
        Services.requireMariaDb();
        var before = controls.statuses(TestWorkspaces.defaultWorkspace(jdbc));

        ConnectionRun run = refusedRun("mariadb", "127.0.0.1:3306");

        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).contains("127.0.0.1:3306").contains("Access denied");
        assertThat(controls.statuses(TestWorkspaces.defaultWorkspace(jdbc))).isEqualTo(before);
    }

    @Test
    void anUnknownKindIsRefusedNamingTheRedisWebAndMariaDbKinds() {
        var response = Http.withToken(port, AttestTest.ADMIN_TOKEN).postJson("/api/v1/connections", """
                {"name": "x", "kind": "mainframe", "target": "x"}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("redis").contains("web").contains("mariadb");
    }
}
