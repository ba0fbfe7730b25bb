package dev.attest.privacy;

/**
 * What the steps on an open request share: the audit trail names each {@code privacy.request-<step>}
 * and targets the request by its reference.
 */
public interface RequestStep extends dev.attest.identity.WorkspaceEvent {

    /** e.g. {@code extended}, {@code identity-verified}, {@code task-done}. */
    String step();

    String reference();

    @Override
    default String action() {
        return "privacy.request-" + step();
    }

    @Override
    default String target() {
        return "privacy-request:" + reference();
    }
}
