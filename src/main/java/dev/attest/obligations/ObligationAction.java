package dev.attest.obligations;

/** What can happen to a workspace's obligations, each with the action name the audit trail records it under. */
public enum ObligationAction {
    DUTY_SCHEDULED("obligations.duty-scheduled"),
    DUTY_COMPLETED("obligations.duty-completed"),
    REMINDERS_CONFIGURED("obligations.reminders-configured");

    private final String auditName;

    ObligationAction(String auditName) {
        this.auditName = auditName;
    }

    /** The name in the audit trail, e.g. {@code obligations.duty-completed}: a contract with its readers. */
    public String auditName() {
        return auditName;
    }
}
