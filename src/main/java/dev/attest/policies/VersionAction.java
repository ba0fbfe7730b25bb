package dev.attest.policies;

import dev.attest.web.WireName;

import java.util.Locale;
import java.util.Optional;

/** A step of a version through its workflow, as the route names it: {@code /versions/{n}/submit} and so on. */
public enum VersionAction implements WireName {
    /** Draft to in review. */
    SUBMIT,
    /** In review to approved, by someone other than the author when the workspace asks for it. */
    APPROVE,
    /** Approved to published: the version people read and accept. */
    PUBLISH,
    /** In review or approved back to draft. */
    RETURN;

    /** Whether the step needs the {@code policies:approve} permission. */
    public boolean needsApprover() {
        return this == APPROVE || this == PUBLISH;
    }

    /** The step a route names ({@code submit}, {@code approve}, {@code publish}, {@code return}), if any. */
    public static Optional<VersionAction> fromPath(String value) {
        return WireName.parse(VersionAction.class, value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
    }
}
