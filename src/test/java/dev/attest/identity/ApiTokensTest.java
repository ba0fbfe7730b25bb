package dev.attest.identity;

import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** API tokens: shown once, stored hashed, scoped, expiring, revocable, with last use recorded. */
@AttestTest
class ApiTokensTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private Http member(Role role) {
        var account = TestAccounts.member(context, role);
        String token = TestAccounts.token(context, TestAccounts.defaultWorkspace(context), account.userId(), "read_write");
        return Http.withToken(port, token);
    }

    @Test
    void aPersonalTokenIsShownOnceStoredHashedAndRecordsItsUse() {
        Http owner = member(Role.CONTROL_OWNER);

        Http.Response created = owner.postJson("/api/v1/tokens", "{\"name\":\"ci\",\"scope\":\"read\"}");

        assertThat(created.status()).isEqualTo(201);
        String value = created.json().get("value").asString();
        String id = created.json().get("token").get("id").asString();
        assertThat(value).startsWith("attest_");
        String stored = jdbc.sql("select token_hash from api_token where id = ?").param(UUID.fromString(id)).query(String.class).single();
        assertThat(stored).hasSize(64).isNotEqualTo(value);
        assertThat(owner.get("/api/v1/tokens").body()).contains(id).doesNotContain(value);

        Http withNew = Http.withToken(port, value);
        assertThat(withNew.get("/api/v1/controls").status()).isEqualTo(200);
        assertThat(owner.get("/api/v1/tokens").body()).contains("\"lastUsedAt\":\"");
    }

    @Test
    void aReadTokenCannotWrite() {
        Http owner = member(Role.CONTROL_OWNER);
        String value = owner.postJson("/api/v1/tokens", "{\"name\":\"reader\",\"scope\":\"read\"}").json().get("value").asString();

        Http reader = Http.withToken(port, value);

        assertThat(reader.get("/api/v1/controls/AC-01").status()).isEqualTo(200);
        assertThat(reader.patchJson("/api/v1/controls/AC-01", "{\"notes\":\"x\"}").status()).isEqualTo(403);
        assertThat(reader.postJson("/api/v1/tokens", "{\"name\":\"more\",\"scope\":\"read_write\"}").status()).isEqualTo(403);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndTheRevocationIsAudited() {
        Http owner = member(Role.CONTROL_OWNER);
        var created = owner.postJson("/api/v1/tokens", "{\"name\":\"short-lived\",\"scope\":\"read_write\"}").json();
        Http other = Http.withToken(port, created.get("value").asString());
        assertThat(other.get("/api/v1/controls").status()).isEqualTo(200);

        assertThat(owner.delete("/api/v1/tokens/" + created.get("token").get("id").asString()).status()).isEqualTo(204);

        Http.Response refused = other.get("/api/v1/controls");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("unknown, expired or revoked");
        String log = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/audit-log?target=token:" + created.get("token").get("id").asString()).body();
        assertThat(log).contains("identity.token-created", "identity.token-revoked");
    }

    @Test
    void onlyAdminsCreateServiceTokensWhichCarryTheirOwnRole() {
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        Http owner = member(Role.CONTROL_OWNER);

        assertThat(owner.postJson("/api/v1/tokens", "{\"name\":\"svc\",\"scope\":\"read\",\"kind\":\"service\",\"role\":\"viewer\"}").status())
                .isEqualTo(403);
        var created = admin.postJson("/api/v1/tokens", "{\"name\":\"collector\",\"scope\":\"read_write\",\"kind\":\"service\",\"role\":\"viewer\"}");
        assertThat(created.status()).isEqualTo(201);
        Http service = Http.withToken(port, created.json().get("value").asString());

        assertThat(service.get("/api/v1/controls").status()).isEqualTo(200);
        assertThat(service.get("/api/v1/members").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/tokens").body()).contains("collector");
    }

    private long refusedTokens() {
        return jdbc.sql("select count(*) from audit_entry where action = 'identity.token-refused'").query(Long.class).single();
    }

    @Test
    void anExpiredTokenIsRefused() {
        Http owner = member(Role.CONTROL_OWNER);
        var created = owner.postJson("/api/v1/tokens", "{\"name\":\"old\",\"scope\":\"read\"}").json();
        // the expiry date passes
        jdbc.sql("update api_token set expires_at = created_at where id = ?")
                .param(UUID.fromString(created.get("token").get("id").asString())).update();

        Http.Response refused = Http.withToken(port, created.get("value").asString()).get("/api/v1/controls");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("expired");
    }

    @Test
    void otherPeoplesTokensAreNotFound() {
        Http owner = member(Role.CONTROL_OWNER);
        Http someone = member(Role.EMPLOYEE);
        String id = owner.postJson("/api/v1/tokens", "{\"name\":\"mine\",\"scope\":\"read\"}").json().get("token").get("id").asString();

        assertThat(someone.delete("/api/v1/tokens/" + id).status()).isEqualTo(404);
        assertThat(someone.get("/api/v1/tokens").body()).doesNotContain(id);
    }

    @Test
    void badTokenRequestsAreNamedAndCreateNothing() {
        Http owner = member(Role.CONTROL_OWNER);
        int before = owner.get("/api/v1/tokens").json().size();

        assertThat(owner.postJson("/api/v1/tokens", "{\"name\":\"\",\"scope\":\"read\"}").json().get("errors").get(0).get("field").asString())
                .isEqualTo("name");
        assertThat(owner.postJson("/api/v1/tokens", "{\"name\":\"x\",\"scope\":\"all\"}").status()).isEqualTo(400);
        assertThat(owner.postJson("/api/v1/tokens", "{\"name\":\"x\",\"scope\":\"read\",\"expiresOn\":\"2001-01-01\"}").status()).isEqualTo(400);
        assertThat(owner.postJson("/api/v1/tokens", "{\"name\":\"x\",\"scope\":\"read\",\"expiresOn\":\"2999-01-01\"}").status()).isEqualTo(400);
        assertThat(owner.postJson("/api/v1/tokens", "not json").status()).isEqualTo(400);
        assertThat(owner.get("/api/v1/tokens").json().size()).isEqualTo(before);
        long refusedBefore = refusedTokens();
        assertThat(Http.withToken(port, "attest_nonsense").get("/api/v1/controls").status()).isEqualTo(401);
        assertThat(refusedTokens()).as("the refused token is in the audit trail").isEqualTo(refusedBefore + 1);
        assertThat(Http.anonymous(port).get("/api/v1/controls", Map.of("Authorization", "Basic abc")).status()).isEqualTo(401);
    }

    @Test
    void theTokensPageShowsANewTokenOnceAndRevokes() {
        var account = TestAccounts.member(context, Role.VIEWER);
        Http session = Http.signedIn(port, account.email(), account.password());

        Http.Response created = session.postForm("/account/tokens", Map.of("name", "laptop", "scope", "read"));

        assertThat(created.status()).isEqualTo(200);
        Matcher value = Pattern.compile("data-testid=\"new-token\">(attest_[^<]+)<").matcher(created.body());
        assertThat(value.find()).isTrue();
        assertThat(Http.withToken(port, value.group(1)).get("/api/v1/controls").status()).isEqualTo(200);
        Http.Response list = session.get("/account/tokens");
        assertThat(list.body()).contains("laptop").doesNotContain(value.group(1));
        Matcher id = Pattern.compile("data-token=\"([^\"]+)\"").matcher(list.body());
        assertThat(id.find()).isTrue();
        assertThat(session.postForm("/account/tokens", "/account/tokens/" + id.group(1) + "/revoke", Map.of(), Map.of()).status()).isEqualTo(302);
        assertThat(Http.withToken(port, value.group(1)).get("/api/v1/controls").status()).isEqualTo(401);
        assertThat(session.postForm("/account/tokens", Map.of("name", "", "scope", "read")).body()).contains("name: must be 1 to 100 characters");
    }
}
