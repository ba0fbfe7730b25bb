package dev.attest.identity;

import java.io.Serializable;
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
        implements Serializable {

    public CurrentUser {
        permissions = Set.copyOf(permissions);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** How this actor is named in records: the email, marked when a token acted. */
    public String actor() {
        return tokenId == null ? email : email + " (token)";
    }
}
