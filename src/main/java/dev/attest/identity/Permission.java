package dev.attest.identity;

/**
 * What a route needs. Routes name a permission with {@code @PreAuthorize("hasAuthority('controls:write')")};
 * a role grants a set of them, and a read-only token keeps only the read ones.
 */
public enum Permission {
    CATALOG_READ("catalog:read", false),
    CONTROLS_READ("controls:read", false),
    CONTROLS_WRITE("controls:write", true),
    WORKSPACE_ADMIN("workspace:admin", true),
    // identity: one's own account (password, tokens, MFA, sessions, workspace switch)
    ACCOUNT_SELF("account:self", true),
    // auditlog
    AUDIT_READ("audit:read", false),
    // policies
    POLICIES_READ("policies:read", false),
    POLICIES_WRITE("policies:write", true),
    POLICIES_APPROVE("policies:approve", true),
    // people
    PEOPLE_READ("people:read", false),
    PEOPLE_WRITE("people:write", true),
    PEOPLE_SENSITIVE("people:sensitive", false),
    PORTAL_SELF("portal:self", true);

    private final String authority;
    private final boolean write;

    Permission(String authority, boolean write) {
        this.authority = authority;
        this.write = write;
    }

    /** The authority string used in security expressions. */
    public String authority() {
        return authority;
    }

    /** Whether it changes state (and so is withheld from read-only tokens and auditors). */
    public boolean write() {
        return write;
    }
}
