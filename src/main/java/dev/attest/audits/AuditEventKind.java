package dev.attest.audits;

/** What can happen in an audit engagement, each with the action name the audit trail records it under. */
public enum AuditEventKind {
    PLANNED("audits.planned"),
    STATUS_CHANGED("audits.status-changed"),
    COMPLETED("audits.completed"),
    AUDITOR_INVITED("audits.auditor-invited"),
    OPENED("audits.opened"),
    REQUEST_RAISED("audits.request-raised"),
    REQUESTS_IMPORTED("audits.requests-imported"),
    REQUEST_MOVED("audits.request-moved"),
    EVIDENCE_ATTACHED("audits.evidence-attached"),
    SAMPLE_DRAWN("audits.sample-drawn"),
    SOA_SAVED("audits.soa-saved"),
    SOA_APPROVED("audits.soa-approved"),
    FINDING_RAISED("audits.finding-raised"),
    FINDING_ANSWERED("audits.finding-answered"),
    FINDING_CLOSED("audits.finding-closed"),
    PACKAGE_EXPORTED("audits.package-exported");

    private final String auditName;

    AuditEventKind(String auditName) {
        this.auditName = auditName;
    }

    /** The name in the audit trail, e.g. {@code audits.planned}: a contract with its readers. */
    public String auditName() {
        return auditName;
    }
}
