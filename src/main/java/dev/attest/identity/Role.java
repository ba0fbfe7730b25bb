package dev.attest.identity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A member's role in one workspace; a user may hold a different role in each workspace. */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    COMPLIANCE_MANAGER(EnumSet.of(Permission.CATALOG_READ, Permission.CONTROLS_READ, Permission.CONTROLS_WRITE,
            // policies, people
            Permission.POLICIES_READ, Permission.POLICIES_WRITE, Permission.POLICIES_APPROVE,
            Permission.PEOPLE_READ, Permission.PEOPLE_WRITE, Permission.PORTAL_SELF)),
    CONTROL_OWNER(EnumSet.of(Permission.CATALOG_READ, Permission.CONTROLS_READ, Permission.CONTROLS_WRITE,
            // policies, people
            Permission.POLICIES_READ, Permission.PORTAL_SELF)),
    EMPLOYEE(EnumSet.of(Permission.CATALOG_READ,
            // people: the employee portal
            Permission.PORTAL_SELF)),
    AUDITOR(EnumSet.of(Permission.CATALOG_READ, Permission.CONTROLS_READ,
            // policies, people
            Permission.POLICIES_READ, Permission.PEOPLE_READ)),
    VIEWER(EnumSet.of(Permission.CATALOG_READ, Permission.CONTROLS_READ,
            // policies, people
            Permission.POLICIES_READ, Permission.PEOPLE_READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    /** The spelling stored and shown, e.g. {@code compliance_manager}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String value) {
        return Role.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
