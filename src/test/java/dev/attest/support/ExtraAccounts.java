package dev.attest.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Members beyond the bootstrap admin, for tests of roles and of workspace isolation: written
 * straight into the identity tables, since no API creates them yet. Each gets an API token and the
 * password {@link #PASSWORD}.
 */
public final class ExtraAccounts {

    public static final String PASSWORD = "another-long-test-password";

    /** A member: their email, API token and workspace. */
    public record Account(String email, String token, UUID workspaceId) {
    }

    private ExtraAccounts() {
    }

    /** A member of the bootstrap workspace with the given role (e.g. {@code employee}). */
    public static Account inDefaultWorkspace(JdbcClient jdbc, String role) {
        UUID workspace = jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single();
        return member(jdbc, workspace, role);
    }

    /** An admin of a new workspace of its own. */
    public static Account inNewWorkspace(JdbcClient jdbc) {
        UUID workspace = UUID.randomUUID();
        jdbc.sql("insert into workspace (id, slug, name, created_at) values (?, ?, ?, ?)")
                .params(workspace, "ws-" + workspace.toString().substring(0, 8), "Other " + workspace, now()).update();
        return member(jdbc, workspace, "admin");
    }

    /** A member of the given workspace with the given role. */
    public static Account member(JdbcClient jdbc, UUID workspace, String role) {
        UUID user = UUID.randomUUID();
        String email = role + "-" + user.toString().substring(0, 8) + "@example.test";
        jdbc.sql("insert into app_user (id, email, display_name, password_hash, enabled, created_at) values (?, ?, ?, ?, true, ?)")
                .params(user, email, "Test " + role, "{noop}" + PASSWORD, now()).update();
        jdbc.sql("insert into membership (workspace_id, user_id, role, created_at) values (?, ?, ?, ?)")
                .params(workspace, user, role, now()).update();
        String token = "attest_test_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("insert into api_token (id, workspace_id, user_id, name, token_hash, scope, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), workspace, user, "test", sha256(token), "read_write", now()).update();
        return new Account(email, token, workspace);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
