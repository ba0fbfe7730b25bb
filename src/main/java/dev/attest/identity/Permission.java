package dev.attest.identity;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.ExpressionTemplateValueProvider;

/**
 * What a route needs. Routes name a permission with {@code @RequiresPermission(Permission.CONTROLS_WRITE)};
 * a role grants a set of them, and a read-only token keeps only the read ones.
 */
@RequiredArgsConstructor
public enum Permission implements ExpressionTemplateValueProvider {
    CATALOG_READ("catalog:read", false),
    CONTROLS_READ("controls:read", false),
    CONTROLS_WRITE("controls:write", true),
    WORKSPACE_ADMIN("workspace:admin", true),
    // identity: one's own account (password, tokens, MFA, sessions, workspace switch)
    ACCOUNT_SELF("account:self", true),
    // auditlog
    AUDIT_READ("audit:read", false),
    // risks
    RISKS_READ("risks:read", false),
    RISKS_WRITE("risks:write", true),
    // incidents
    INCIDENTS_REPORT("incidents:report", true),
    INCIDENTS_READ("incidents:read", false),
    INCIDENTS_MANAGE("incidents:manage", true),
    // privacy
    PRIVACY_READ("privacy:read", false),
    PRIVACY_WRITE("privacy:write", true),
    // obligations
    OBLIGATIONS_READ("obligations:read", false),
    OBLIGATIONS_WRITE("obligations:write", true),
    // monitoring and evidence
    MONITORING_READ("monitoring:read", false),
    MONITORING_WRITE("monitoring:write", true),
    EVIDENCE_READ("evidence:read", false),
    EVIDENCE_WRITE("evidence:write", true),
    // policies
    POLICIES_READ("policies:read", false),
    POLICIES_WRITE("policies:write", true),
    POLICIES_APPROVE("policies:approve", true),
    // people
    PEOPLE_READ("people:read", false),
    PEOPLE_WRITE("people:write", true),
    PEOPLE_SENSITIVE("people:sensitive", false),
    PORTAL_SELF("portal:self", true),
    // vendors
    VENDORS_READ("vendors:read", false),
    VENDORS_WRITE("vendors:write", true),
    // trustcenter
    TRUST_CENTER_READ("trustcenter:read", false),
    TRUST_CENTER_WRITE("trustcenter:write", true),
    // accessreviews: see campaigns and reports; decide in one's own queue; run campaigns and systems
    ACCESS_REVIEWS_READ("accessreviews:read", false),
    ACCESS_REVIEWS_DECIDE("accessreviews:decide", true),
    ACCESS_REVIEWS_MANAGE("accessreviews:manage", true),
    // audits: reading engagements, running them (admin side), and fieldwork (what an auditor writes)
    AUDITS_READ("audits:read", false),
    AUDITS_MANAGE("audits:manage", true),
    AUDITS_FIELDWORK("audits:fieldwork", true);

    private final String authority;
    private final boolean write;

    /** The authority string used in security expressions. */
    public String authority() {
        return authority;
    }

    /** What {@link RequiresPermission}'s expression template puts in place of the permission: its authority. */
    @Override
    public String getExpressionTemplateValue() {
        return authority;
    }

    /** Whether it changes state (and so is withheld from read-only tokens and auditors). */
    public boolean write() {
        return write;
    }
}
