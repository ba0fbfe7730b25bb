package dev.attest.identity.internal;

import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceCreated;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * First start: creates the workspace and its admin (and, when configured, an admin API token).
 * Later starts find the workspace and leave everything as it is. When several nodes start at once on an
 * empty database, one creates the workspace and the others, refused by its unique slug, find it made.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final AccountStore accounts;
    private final TokenStore tokens;
    private final IdentityProperties properties;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.workspaceBySlug(properties.workspace()).isPresent()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> firstStart());
        } catch (DataIntegrityViolationException raced) {
            if (accounts.workspaceBySlug(properties.workspace()).isEmpty()) {
                throw raced;
            }
            log.info("Attest first start: another node created workspace '{}' at the same moment", properties.workspace());
        }
    }

    private void firstStart() {
        Instant now = clock.instant();
        UUID workspace = UUID.randomUUID();
        accounts.insertWorkspace(workspace, properties.workspace(), "Default workspace", now);

        String email = AccountStore.normalize(properties.adminEmail());
        UUID admin = accounts.userByEmail(email).map(AccountStore.StoredUser::id).orElseGet(() -> {
            boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
            String password = generated ? TokenHash.newPassword() : properties.adminPassword();
            UUID id = UUID.randomUUID();
            accounts.insertUser(id, email, "Administrator", passwords.encode(password), now);
            if (generated) {
                log.warn("\n\n    Attest first start: sign in at /login as {} with password {}\n"
                        + "    This password is shown once. Set ATTEST_BOOTSTRAP_ADMIN_PASSWORD to choose your own.\n", email, password);
            } else {
                log.info("Attest first start: created admin {}", email);
            }
            return id;
        });
        accounts.insertMembership(workspace, admin, Role.ADMIN, now);

        if (properties.apiToken() != null && !properties.apiToken().isBlank()) {
            UUID token = UUID.randomUUID();
            Instant expires = now.plus(properties.apiTokenValidFor());
            tokens.insertPersonal(token, workspace, admin, "bootstrap", TokenHash.of(properties.apiToken().strip()), "read_write", now);
            tokens.expire(token, expires);
            log.info("Attest first start: created the bootstrap API token for {}; it works until {}", email, expires);
        }
        events.publishEvent(new WorkspaceCreated(new WorkspaceId(workspace), properties.workspace(), "Default workspace"));
    }
}
