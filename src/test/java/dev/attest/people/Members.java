package dev.attest.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Adds members to the default workspace for tests (identity has no invitation flow yet): a user with
 * a password and a role, and optionally an API token.
 */
final class Members {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Members(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    UUID workspace() {
        return jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single();
    }

    /** Creates the member and returns an API token for them. */
    String add(String email, String password, String role) {
        UUID user = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into app_user (id, email, display_name, password_hash, enabled, created_at) values (?, ?, ?, ?, true, ?)")
                .params(user, email, email, passwords.encode(password), now).update();
        jdbc.sql("insert into membership (workspace_id, user_id, role, created_at) values (?, ?, ?, ?)")
                .params(workspace(), user, role, now).update();
        String token = "attest_test_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("insert into api_token (id, workspace_id, user_id, name, token_hash, scope, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), workspace(), user, "test", sha256(token), "read_write", now).update();
        return token;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
