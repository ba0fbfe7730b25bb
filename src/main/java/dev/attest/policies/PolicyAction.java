package dev.attest.policies;

/** What can happen to a policy, each with the action name the audit trail records it under. */
public enum PolicyAction {
    CREATED("policies.created"),
    UPDATED("policies.updated"),
    EDITED("policies.edited"),
    DRAFTED("policies.drafted"),
    SUBMITTED("policies.submitted"),
    APPROVED("policies.approved"),
    PUBLISHED("policies.published"),
    RETURNED("policies.returned"),
    ACCEPTED("policies.accepted"),
    SETTINGS_CHANGED("policies.settings-changed");

    private final String auditName;

    PolicyAction(String auditName) {
        this.auditName = auditName;
    }

    /** The name in the audit trail, e.g. {@code policies.published}: a contract with its readers. */
    public String auditName() {
        return auditName;
    }

    /** The verb of the audit name, e.g. {@code published}, as summaries read. */
    public String verb() {
        return auditName.substring(auditName.indexOf('.') + 1);
    }
}
