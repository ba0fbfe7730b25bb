package dev.attest.incidents;

/** What can happen to an incident, each with the action name the audit trail records it under. */
public enum IncidentAction {
    REPORTED("incidents.reported"),
    TRIAGED("incidents.triaged"),
    CLOSED("incidents.closed"),
    NOTED("incidents.noted"),
    BREACH_DETERMINED("incidents.breach-determined"),
    NOTIFIED("incidents.notified"),
    POST_MORTEM_WRITTEN("incidents.postmortem-written"),
    ACTION_ADDED("incidents.action-added"),
    ACTION_DONE("incidents.action-done"),
    ACTION_REOPENED("incidents.action-reopened"),
    EXERCISE_RECORDED("incidents.exercise-recorded"),
    SETTINGS_CHANGED("incidents.settings-changed");

    private final String auditName;

    IncidentAction(String auditName) {
        this.auditName = auditName;
    }

    /** The name in the audit trail, e.g. {@code incidents.breach-determined}: a contract with its readers. */
    public String auditName() {
        return auditName;
    }
}
