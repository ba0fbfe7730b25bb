package dev.attest.identity;

/**
 * Sets a member's role on behalf of a provisioning source (an identity provider's group push),
 * with the same rules as an admin's change: the workspace keeps at least one active admin.
 */
public interface MemberRoles {

    /** What became of a provisioned role change. */
    enum Outcome {
        /** The member now holds the role (it changed). */
        CHANGED,
        /** The member already held the role. */
        UNCHANGED,
        /** The email is not a member of the workspace; nothing to change. */
        NOT_A_MEMBER,
        /** Demoting this member would leave the workspace without an active admin. */
        LAST_ADMIN_KEPT
    }

    /**
     * Gives the workspace member with this email the role; {@code actor} names the source in the
     * audit trail (for example {@code scim}).
     */
    Outcome provisionRole(WorkspaceId workspace, String email, Role role, String actor);
}
