package dev.attest.identity.internal;

import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.UUID;

/** Creates accounts for tests through the identity module's own store, as an invitation would. */
public final class TestAccounts {

    public static final String PASSWORD = "a-long-test-password-42";

    private TestAccounts() {
    }

    public record Account(UUID userId, String email, String password) {
    }

    /** A new user with a unique email, a member of the default workspace in this role. */
    public static Account member(ApplicationContext context, Role role) {
        return member(context, defaultWorkspace(context), role);
    }

    public static Account member(ApplicationContext context, WorkspaceId workspace, Role role) {
        AccountStore accounts = context.getBean(AccountStore.class);
        var now = context.getBean(Clock.class).instant();
        UUID id = UUID.randomUUID();
        String email = role.wireName() + "-" + id.toString().substring(0, 8) + "@example.test";
        accounts.insertUser(id, email, role.wireName() + " " + id.toString().substring(0, 4),
                context.getBean(PasswordEncoder.class).encode(PASSWORD), now);
        accounts.insertMembership(workspace.value(), id, role, now);
        return new Account(id, email, PASSWORD);
    }

    /** Adds an existing user to another workspace. */
    public static void join(ApplicationContext context, WorkspaceId workspace, UUID user, Role role) {
        context.getBean(AccountStore.class).insertMembership(workspace.value(), user, role, context.getBean(Clock.class).instant());
    }

    /** A personal API token for a user, returned in clear. */
    public static String token(ApplicationContext context, WorkspaceId workspace, UUID user, String scope) {
        String token = TokenHash.newToken();
        context.getBean(TokenStore.class).insertPersonal(UUID.randomUUID(), workspace.value(), user, "test", TokenHash.of(token), scope,
                context.getBean(Clock.class).instant());
        return token;
    }

    /** A new workspace, created as an admin creates one: {@code creator} becomes its first admin. */
    public static WorkspaceId workspace(ApplicationContext context, dev.attest.identity.CurrentUser creator, String slug, String name) {
        return new WorkspaceId(context.getBean(Memberships.class).createWorkspace(creator, slug, name).id());
    }

    public static WorkspaceId defaultWorkspace(ApplicationContext context) {
        return new WorkspaceId(context.getBean(AccountStore.class).workspaceBySlug("default").orElseThrow());
    }
}
