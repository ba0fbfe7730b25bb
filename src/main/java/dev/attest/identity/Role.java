package dev.attest.identity;

import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;

import java.util.EnumSet;
import java.util.Set;

/** A member's role in one workspace; a user may hold a different role in each workspace. Stored and shown by its wire name, e.g. {@code compliance_manager}. */
@RequiredArgsConstructor
public enum Role implements WireName {
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

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    /** The role stored or configured as {@code value}, in any case; an unknown one is an {@link IllegalArgumentException}. */
    public static Role fromWireName(String value) {
        return WireName.require(Role.class, value.toLowerCase(java.util.Locale.ROOT));
    }

    // Kept for people (SCIM group roles), which another change is reshaping: use WireName.parse and WireName.allowed.
    public static java.util.Optional<Role> parse(String value) {
        return WireName.parse(Role.class, value);
    }

    public static String allowed() {
        return WireName.allowed(Role.class);
    }
}
