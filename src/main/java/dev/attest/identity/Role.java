package dev.attest.identity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A member's role in one workspace; a user may hold a different role in each workspace. */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    COMPLIANCE_MANAGER(EnumSet.of(Permission.CATALOG_READ, Permission.CONTROLS_READ, Permission.CONTROLS_WRITE,
            Permission.ACCOUNT_SELF, Permission.AUDIT_READ,
            Permission.VENDORS_READ, Permission.VENDORS_WRITE, Permission.TRUST_CENTER_READ, Permission.TRUST_CENTER_WRITE)),
    CONTROL_OWNER(EnumSet.of(Permission.CATALOG_READ, Permission.CONTROLS_READ, Permission.CONTROLS_WRITE,
            Permission.ACCOUNT_SELF, Permission.VENDORS_READ)),
    EMPLOYEE(EnumSet.of(Permission.CATALOG_READ, Permission.ACCOUNT_SELF)),
    AUDITOR(EnumSet.of(Permission.CATALOG_READ, Permission.CONTROLS_READ, Permission.ACCOUNT_SELF, Permission.AUDIT_READ,
            Permission.VENDORS_READ, Permission.TRUST_CENTER_READ)),
    VIEWER(EnumSet.of(Permission.CATALOG_READ, Permission.CONTROLS_READ, Permission.ACCOUNT_SELF, Permission.VENDORS_READ));

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

    /** The role with this wire name, if there is one. */
    public static java.util.Optional<Role> parse(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }

    /** The wire names, for messages that list what is allowed. */
    public static String allowed() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Role::wireName).toList());
    }
}
