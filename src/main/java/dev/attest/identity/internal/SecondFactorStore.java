package dev.attest.identity.internal;

import dev.attest.web.Columns;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Authenticator-app secrets (sealed before they are stored) and recovery-code hashes, in plain SQL. */
@Repository
@RequiredArgsConstructor
class SecondFactorStore {

    private final JdbcClient jdbc;

    /** The stored row: the secret still sealed. */
    record Stored(String sealedSecret, boolean enabled, long lastStep) {
    }

    Optional<Stored> find(UUID user) {
        return jdbc.sql("select secret, enabled_at, last_step from user_totp where user_id = ?").param(user)
                .query((rs, n) -> new Stored(rs.getString("secret"), rs.getObject("enabled_at", OffsetDateTime.class) != null,
                        rs.getLong("last_step")))
                .optional();
    }

    void insertSecret(UUID user, String sealedSecret) {
        jdbc.sql("insert into user_totp (user_id, secret) values (?, ?)").params(user, sealedSecret).update();
    }

    void enable(UUID user, Instant now, long step) {
        jdbc.sql("update user_totp set enabled_at = ?, last_step = ? where user_id = ?").params(Columns.utc(now), step, user).update();
    }

    /** Moves the last used step forward; false when another request already used this step or a later one. */
    boolean advance(UUID user, long step) {
        return jdbc.sql("update user_totp set last_step = ? where user_id = ? and last_step < ?").params(step, user, step).update() == 1;
    }

    void delete(UUID user) {
        deleteRecoveryCodes(user);
        jdbc.sql("delete from user_totp where user_id = ?").param(user).update();
    }

    int recoveryCodesLeft(UUID user) {
        return jdbc.sql("select count(*) from recovery_code where user_id = ? and used_at is null").param(user).query(Integer.class).single();
    }

    void deleteRecoveryCodes(UUID user) {
        jdbc.sql("delete from recovery_code where user_id = ?").param(user).update();
    }

    void insertRecoveryCode(UUID user, String hash) {
        jdbc.sql("insert into recovery_code (user_id, code_hash) values (?, ?)").params(user, hash).update();
    }

    /** Uses a recovery code up; false when no unused code has that hash. */
    boolean useRecoveryCode(UUID user, String hash, Instant now) {
        return jdbc.sql("update recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
                .params(Columns.utc(now), user, hash).update() == 1;
    }
}
