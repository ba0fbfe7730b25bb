package dev.attest.catalog;

/** What can happen to the catalog, each with the action name the audit trail records it under. */
public enum CatalogAction {
    FRAMEWORK_IMPORTED("catalog.framework-imported"),
    REQUIREMENT_MAPPED("catalog.requirement-mapped");

    private final String auditName;

    CatalogAction(String auditName) {
        this.auditName = auditName;
    }

    /** The name in the audit trail, e.g. {@code catalog.requirement-mapped}: a contract with its readers. */
    public String auditName() {
        return auditName;
    }
}
