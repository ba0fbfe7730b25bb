package dev.attest.identity.internal;

import java.io.Serializable;
import java.util.UUID;

/** The session's principal between a good password and the second factor: it may open only the code page. */
record SecondFactorPending(UUID userId, String email, UUID workspaceId) implements Serializable {

    static final String AUTHORITY = "MFA_PENDING";
}
