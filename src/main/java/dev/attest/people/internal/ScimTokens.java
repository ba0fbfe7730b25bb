package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** Bearer tokens for SCIM clients: shown once, stored only as a SHA-256 hash, each bound to one workspace. */
@Component
class ScimTokens {

    private final PeopleStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ScimTokens(PeopleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    String create(WorkspaceId workspace, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "attest_scim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.insertScimToken(workspace, UUID.randomUUID(), name, hash(token), clock.instant());
        return token;
    }

    Optional<WorkspaceId> workspace(String token) {
        return store.scimWorkspace(hash(token));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
