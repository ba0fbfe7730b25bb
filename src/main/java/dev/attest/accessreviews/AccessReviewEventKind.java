package dev.attest.accessreviews;

/** What can happen in access reviews, each with the action name the audit trail records it under. */
public enum AccessReviewEventKind {
    SYSTEM_SAVED("accessreviews.system-saved"),
    ACCOUNTS_COLLECTED("accessreviews.accounts-collected"),
    ACCOUNT_LINKED("accessreviews.account-linked"),
    CAMPAIGN_CREATED("accessreviews.campaign-created"),
    CAMPAIGN_STARTED("accessreviews.campaign-started"),
    DECIDED("accessreviews.decided"),
    TASK_CLOSED("accessreviews.task-closed"),
    CAMPAIGN_COMPLETED("accessreviews.campaign-completed"),
    CAMPAIGN_CANCELLED("accessreviews.campaign-cancelled");

    private final String auditName;

    AccessReviewEventKind(String auditName) {
        this.auditName = auditName;
    }

    /** The name in the audit trail, e.g. {@code accessreviews.system-saved}: a contract with its readers. */
    public String auditName() {
        return auditName;
    }
}
