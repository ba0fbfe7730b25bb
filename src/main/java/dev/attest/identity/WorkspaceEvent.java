package dev.attest.identity;

/**
 * A state change in a workspace, as every module publishes it. The audit trail records each one
 * without knowing the module: who did it, what kind of change, to what, in a short summary.
 */
public interface WorkspaceEvent {

    WorkspaceId workspaceId();

    /** Who acted: a user's email, "email (token)" for an API token, or "system". */
    String actor();

    /**
     * What happened, as module.verb, e.g. {@code controls.updated}, {@code policies.published}: the
     * record's {@link RecordedAs} name.
     */
    default String action() {
        RecordedAs name = getClass().getAnnotation(RecordedAs.class);
        if (name == null) {
            throw new IllegalStateException(getClass().getName() + " does not say what it is recorded as (@RecordedAs)");
        }
        return name.value();
    }

    /** What it happened to, e.g. {@code control:AC-01}, {@code policy:3f2a...}. */
    String target();

    /** A short human summary of what changed. */
    String summary();
}
