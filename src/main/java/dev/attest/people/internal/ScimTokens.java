package dev.attest.people.internal;

import dev.attest.crypto.Tokens;
import dev.attest.crypto.Digests;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Bearer tokens for SCIM clients: shown once, stored only as a SHA-256 hash, each bound to one workspace. */
@Component
@RequiredArgsConstructor
class ScimTokens {

    private final PeopleStore store;
    private final Clock clock;

    @Transactional
    String create(WorkspaceId workspace, String name) {
        String token = "attest_scim_" + Tokens.urlSafe(32);
        store.insertScimToken(workspace, UUID.randomUUID(), name, hash(token), clock.instant());
        return token;
    }

    Optional<WorkspaceId> workspace(String token) {
        return store.scimWorkspace(hash(token));
    }

    static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
