package dev.attest.accessreviews;

import java.time.Instant;
import java.util.List;

/**
 * One account in one system, as its source reports it.
 *
 * @param system      the review system's name
 * @param accountId   stable within the system (a login, a role name, a DN, a SCIM id)
 * @param roles       the roles or groups the account holds, sorted
 * @param mfa         whether a second factor is on; null where the source does not know
 * @param lastSignIn  the last sign-in; null where unknown or never
 * @param createdAt   when the account was created; null where unknown
 */
public record Account(String system, String accountId, String displayName, String email, List<String> roles, boolean privileged,
                      Boolean mfa, Instant lastSignIn, Instant createdAt, boolean active, AccountKind kind) {

    public Account {
        roles = roles == null ? List.of() : roles.stream().sorted().distinct().toList();
        email = email == null || email.isBlank() ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
