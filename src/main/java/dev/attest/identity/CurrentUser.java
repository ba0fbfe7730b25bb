package dev.attest.identity;

import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;
import java.util.Set;
import java.util.UUID;

/**
 * Who makes the current request, in which workspace, with which permissions: a signed-in person
 * or an API token acting for one. Controllers take it as a parameter.
 *
 * @param tokenId the API token used, or null for a browser session
 */
public record CurrentUser(UUID userId, String email, String displayName, WorkspaceId workspaceId,
                          String workspaceName, Role role, Set<Permission> permissions, UUID tokenId)
        implements Serializable, AuthenticatedPrincipal {

    public CurrentUser {
        permissions = Set.copyOf(permissions);
    }

    /**
     * The user's id: the principal name stored with a database session (short and stable, unlike the
     * record's text, so that sessions can be found by user).
     */
    @Override
    public String getName() {
        return userId == null ? String.valueOf(tokenId) : userId.toString();
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** How this actor is named in records: the email, marked when a token acted. */
    public String actor() {
        return tokenId == null ? email : email + " (token)";
    }
}
