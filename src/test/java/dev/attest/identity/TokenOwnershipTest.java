package dev.attest.identity;

import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every token has an owner: a service token stops working when its owner is deactivated, shrinks when
 * the owner is demoted, is shown on the owner's member entry, and works again once an admin hands it to
 * an active member. The bootstrap token expires.
 */
@AttestTest
class TokenOwnershipTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final Http admin() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    /** A second admin with a personal token, and the service token they create with the admin role. */
    private record Owner(TestAccounts.Account account, JsonNode serviceToken, Http service) {
    }

    private Owner adminWithServiceToken(String name) {
        var account = TestAccounts.member(context, Role.ADMIN);
        Http asAdmin = Http.withToken(port, TestAccounts.token(context, TestAccounts.defaultWorkspace(context), account.userId(), "read_write"));
        var created = asAdmin.postJson("/api/v1/tokens", "{\"name\":\"" + name + "\",\"scope\":\"read_write\",\"kind\":\"service\",\"role\":\"admin\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode token = created.json().get("token");
        assertThat(token.get("owner").asString()).isEqualTo(account.email());
        return new Owner(account, token, Http.withToken(port, created.json().get("value").asString()));
    }

    @Test
    void aDeactivatedAdminsServiceTokenIsRefusedUntilAnAdminHandsItOver() {
        Owner owner = adminWithServiceToken("nightly-sync");
        assertThat(owner.service().get("/api/v1/members").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/members/" + owner.account().userId()).json().get("serviceTokens").asInt()).isEqualTo(1);

        assertThat(admin().postJson("/api/v1/members/" + owner.account().userId() + "/deactivate", "").status()).isEqualTo(200);

        assertThat(owner.service().get("/api/v1/members").status()).isEqualTo(401);
        assertThat(owner.service().postJson("/api/v1/invitations", "{\"email\":\"new-admin@example.test\",\"role\":\"admin\"}").status())
                .isEqualTo(401);
        Http page = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        assertThat(page.get("/members").body()).contains("1 service token: refused until handed to an active member");

        String tokenId = owner.serviceToken().get("id").asString();
        Http.Response refused = admin().postJson("/api/v1/tokens/" + tokenId + "/owner", "{\"email\":\"" + owner.account().email() + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("email");

        Http.Response handed = admin().postJson("/api/v1/tokens/" + tokenId + "/owner", "{\"email\":\"" + AttestTest.ADMIN_EMAIL + "\"}");
        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        assertThat(handed.json().get("owner").asString()).isEqualTo(AttestTest.ADMIN_EMAIL);
        assertThat(owner.service().get("/api/v1/members").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/audit-log?action=identity.token-owner-changed&target=token:" + tokenId).json().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void demotingTheOwnerNarrowsTheirServiceToken() {
        Owner owner = adminWithServiceToken("reporting");

        assertThat(admin().patchJson("/api/v1/members/" + owner.account().userId(), "{\"role\":\"viewer\"}").status()).isEqualTo(200);

        assertThat(owner.service().get("/api/v1/members").status()).as("admin-only now refused").isEqualTo(403);
        assertThat(owner.service().get("/api/v1/controls").status()).as("what a viewer may do still works").isEqualTo(200);
    }

    @Test
    void theBootstrapTokenExpires() {
        JsonNode bootstrap = null;
        for (JsonNode token : admin().get("/api/v1/tokens").json()) {
            if (token.get("name").asString().equals("bootstrap")) {
                bootstrap = token;
            }
        }
        assertThat(bootstrap).isNotNull();
        assertThat(bootstrap.get("expiresAt").isNull()).as("the bootstrap token has an expiry").isFalse();
        assertThat(bootstrap.get("owner").asString()).isEqualTo(AttestTest.ADMIN_EMAIL);
    }
}
