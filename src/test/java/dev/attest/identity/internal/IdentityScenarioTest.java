package dev.attest.identity.internal;

import dev.attest.identity.ApiTokenCreated;
import dev.attest.identity.ApiTokenRevoked;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.support.AttestTest;
import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: the first admin creates a read-only
 * personal token, which then signs a request in as the admin without any write permission, and once
 * revoked signs in no one; creation and revocation are one event each.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class IdentityScenarioTest {

    @Autowired
    ApiTokens apiTokens;
    @Autowired
    AccountStore accounts;
    @Autowired
    TokenStore tokens;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aReadOnlyTokenActsAsItsUserWithoutWritingUntilRevoked(Scenario scenario) {
        Instant now = Instant.now();
        CurrentUser admin = accounts.userByEmail(AttestTest.ADMIN_EMAIL).flatMap(u -> accounts.sessionUser(u, now)).orElseThrow();
        String name = "Scenario " + run;
        String expiresOn = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();

        assertThatThrownBy(() -> apiTokens.create(admin, "personal", name, "everything", null, expiresOn))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors()).containsOnlyKeys("scope"));

        AtomicReference<ApiTokens.Issued> issued = new AtomicReference<>();
        scenario.stimulate(() -> apiTokens.create(admin, "personal", name, "read", null, expiresOn))
                .andWaitForEventOfType(ApiTokenCreated.class)
                .matching(e -> e.name().equals(name))
                .toArriveAndVerify((e, token) -> {
                    assertThat(e.action()).isEqualTo("identity.token-created");
                    assertThat(e.tokenId()).isEqualTo(token.token().id());
                    issued.set(token);
                });
        UUID id = issued.get().token().id();

        CurrentUser signedIn = tokens.actor(TokenHash.of(issued.get().value()), Instant.now()).orElseThrow();
        assertThat(signedIn.email()).isEqualTo(AttestTest.ADMIN_EMAIL);
        assertThat(signedIn.tokenId()).isEqualTo(id);
        assertThat(signedIn.permissions()).contains(Permission.CONTROLS_READ).noneMatch(Permission::write);

        scenario.stimulate(() -> apiTokens.revoke(admin, id))
                .andWaitForEventOfType(ApiTokenRevoked.class)
                .matching(e -> e.tokenId().equals(id))
                .toArriveAndVerify((e, token) -> assertThat(token.revokedAt()).isNotNull());
        assertThat(tokens.actor(TokenHash.of(issued.get().value()), Instant.now())).isEmpty();
    }
}
