package dev.attest.people;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A policy or person of one workspace does not exist for another workspace's admin. */
@AttestTest
class WorkspaceIsolationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherWorkspacesPolicyAndPersonAreNotFound() {
        Http home = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String policy = home.postJson("/api/v1/policies", "{\"template\":\"backup\"}").json().get("id").asString();
        String person = home.postJson("/api/v1/people", "{\"name\":\"Iso\",\"email\":\"iso." + run + "@example.test\"}").json().get("id").asString();

        Http other = Http.withToken(port, otherWorkspaceAdminToken(run));

        assertThat(other.get("/api/v1/policies/" + policy).status()).isEqualTo(404);
        assertThat(other.putJson("/api/v1/policies/" + policy + "/versions/1", "{\"body\":\"# Mine now\"}").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/people/" + person).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/policies").body()).doesNotContain(policy);
        assertThat(other.get("/api/v1/people").body()).doesNotContain(person);
        assertThat(home.get("/api/v1/policies/" + policy + "/versions/1").json().get("body").asString()).doesNotContain("Mine now");
    }

    private String otherWorkspaceAdminToken(String run) {
        UUID workspace = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String token = "attest_other_" + run + "_0123456789abcdef";
        jdbc.sql("insert into workspace (id, slug, name, created_at) values (?, ?, ?, ?)").params(workspace, "other-" + run, "Other", now).update();
        jdbc.sql("insert into app_user (id, email, display_name, password_hash, enabled, created_at) values (?, ?, ?, null, true, ?)")
                .params(user, "admin." + run + "@other.test", "Other admin", now).update();
        jdbc.sql("insert into membership (workspace_id, user_id, role, created_at) values (?, ?, 'admin', ?)").params(workspace, user, now).update();
        jdbc.sql("insert into api_token (id, workspace_id, user_id, name, token_hash, scope, created_at) values (?, ?, ?, 't', ?, 'read_write', ?)")
                .params(UUID.randomUUID(), workspace, user, Members.sha256(token), now).update();
        return token;
    }
}
