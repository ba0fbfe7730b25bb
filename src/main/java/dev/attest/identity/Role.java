package dev.attest.identity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A member's role in one workspace; a user may hold a different role in each workspace. */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    COMPLIANCE_MANAGER(EnumSet.of(Permission.CATALOG_READ, Permission.CONTROLS_READ, Permission.CONTROLS_WRITE,
            Permission.ACCOUNT_SELF, Permission.AUDIT_READ,
            // risks, incidents
            Permission.RISKS_READ, Permission.RISKS_WRITE,
            Permission.INCIDENTS_REPORT, Permission.INCIDENTS_READ, Permission.INCIDENTS_MANAGE,
            // privacy, obligations
            Permission.PRIVACY_READ, Permission.PRIVACY_WRITE, Permission.OBLIGATIONS_READ, Permission.OBLIGATIONS_WRITE,
            // monitoring and evidence
            Permission.MONITORING_READ, Permission.MONITORING_WRITE, Permission.EVIDENCE_READ, Permission.EVIDENCE_WRITE,
            // policies, people
            Permission.POLICIES_READ, Permission.POLICIES_WRITE, Permission.POLICIES_APPROVE,
            Permission.PEOPLE_READ, Permission.PEOPLE_WRITE, Permission.PORTAL_SELF,
            // vendors, trust center
            Permission.VENDORS_READ, Permission.VENDORS_WRITE, Permission.TRUST_CENTER_READ, Permission.TRUST_CENTER_WRITE,
            // access reviews
            Permission.ACCESS_REVIEWS_READ, Permission.ACCESS_REVIEWS_DECIDE, Permission.ACCESS_REVIEWS_MANAGE,
            // audits
            Permission.AUDITS_READ, Permission.AUDITS_MANAGE, Permission.AUDITS_FIELDWORK)),
    CONTROL_OWNER(EnumSet.of(Permission.CATALOG_READ, Permission.CONTROLS_READ, Permission.CONTROLS_WRITE,
            Permission.ACCOUNT_SELF,
            // risks, incidents
            Permission.RISKS_READ, Permission.INCIDENTS_REPORT, Permission.INCIDENTS_READ,
            // obligations
            Permission.OBLIGATIONS_READ,
            // monitoring and evidence
            Permission.MONITORING_READ, Permission.MONITORING_WRITE, Permission.EVIDENCE_READ, Permission.EVIDENCE_WRITE,
            // policies, people
            Permission.POLICIES_READ, Permission.PORTAL_SELF,
            // vendors
            Permission.VENDORS_READ,
            // access reviews: system owners review their systems' accounts
            Permission.ACCESS_REVIEWS_READ, Permission.ACCESS_REVIEWS_DECIDE)),
    EMPLOYEE(EnumSet.of(Permission.CATALOG_READ, Permission.ACCOUNT_SELF,
            // incidents: anyone signed in can report one
            Permission.INCIDENTS_REPORT,
            // obligations
            Permission.OBLIGATIONS_READ,
            // people: the employee portal
            Permission.PORTAL_SELF,
            // access reviews: a manager reviews their reports' accounts in their queue
            Permission.ACCESS_REVIEWS_DECIDE)),
    // An auditor reads only through the audits they are invited to (their scope, evidence dated in their period,
    // populations and samples), never the workspace's records at large: no other module's read permission.
    AUDITOR(EnumSet.of(Permission.CATALOG_READ, Permission.ACCOUNT_SELF,
            // audits: only the audits the auditor is invited to; fieldwork writes requests, samples and findings
            Permission.AUDITS_READ, Permission.AUDITS_FIELDWORK)),
    VIEWER(EnumSet.of(Permission.CATALOG_READ, Permission.CONTROLS_READ, Permission.ACCOUNT_SELF,
            // risks, incidents
            Permission.RISKS_READ, Permission.INCIDENTS_REPORT,
            // obligations
            Permission.OBLIGATIONS_READ,
            // monitoring and evidence
            Permission.MONITORING_READ, Permission.EVIDENCE_READ,
            // policies, people
            Permission.POLICIES_READ, Permission.PEOPLE_READ,
            // vendors
            Permission.VENDORS_READ));

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
