package dev.attest.identity.internal;

import org.springframework.security.core.AuthenticatedPrincipal;

import java.io.Serializable;
import java.util.UUID;

/** The session's principal between a good password and the second factor: it may open only the code page. */
record SecondFactorPending(UUID userId, String email, UUID workspaceId) implements Serializable, AuthenticatedPrincipal {

    static final String AUTHORITY = "MFA_PENDING";

    /** The user's id, the principal name a database session is stored under. */
    @Override
    public String getName() {
        return userId.toString();
    }
}
