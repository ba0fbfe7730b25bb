package dev.attest.policies;

import dev.attest.crypto.Digests;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One version of a policy's text. A published version never changes; its hash is what an
 * acceptance records. The version computes its own next state ({@link #submit}, {@link #approve},
 * {@link #publish}, {@link #returnToDraft}, {@link #edit}) and refuses a step its state does not
 * allow with a {@link PolicyStateException} that says what to do instead.
 *
 * @param hash the SHA-256 of the Markdown body, hex
 */
public record PolicyVersion(UUID id, UUID policyId, int number, VersionStatus status, String body, String hash,
                            Instant createdAt, String createdBy, Instant submittedAt, String submittedBy,
                            Instant approvedAt, String approvedBy, Instant publishedAt, String publishedBy) {

    public boolean open() {
        return status != VersionStatus.PUBLISHED;
    }

    /** The first draft of a new policy. */
    public static PolicyVersion first(UUID policyId, String body, Instant now, String actor) {
        return new PolicyVersion(UUID.randomUUID(), policyId, 1, VersionStatus.DRAFT, body, hash(body), now, actor,
                null, null, null, null, null, null);
    }

    /** A new draft holding this version's text, numbered after it. */
    public PolicyVersion nextDraft(Instant now, String actor) {
        return new PolicyVersion(UUID.randomUUID(), policyId, number + 1, VersionStatus.DRAFT, body, hash, now, actor,
                null, null, null, null, null, null);
    }

    /** The draft with a new text; a version past draft is refused. */
    public PolicyVersion edit(String newBody) {
        switch (status) {
            case PUBLISHED -> throw new PolicyStateException("Version " + number
                    + " is published and can never change. Start a new draft from it instead.");
            case IN_REVIEW, APPROVED -> throw new PolicyStateException("Version " + number + " is " + lower(status)
                    + "; return it to draft before editing it.");
            case DRAFT -> { }
        }
        return new PolicyVersion(id, policyId, number, status, newBody, hash(newBody), createdAt, createdBy,
                null, null, null, null, null, null);
    }

    /** The version after one step of its workflow. */
    public PolicyVersion take(VersionAction action, Instant now, String actor, boolean separateApprover) {
        return switch (action) {
            case SUBMIT -> submit(now, actor);
            case APPROVE -> approve(now, actor, separateApprover);
            case PUBLISH -> publish(now, actor);
            case RETURN -> returnToDraft();
        };
    }

    /** Draft to in review. */
    public PolicyVersion submit(Instant now, String actor) {
        expect(VersionStatus.DRAFT, "submitted for review");
        return with(VersionStatus.IN_REVIEW, now, actor, null, null, null, null);
    }

    /**
     * In review to approved. With {@code separateApprover}, the person who drafted or submitted the
     * version cannot approve it.
     */
    public PolicyVersion approve(Instant now, String actor, boolean separateApprover) {
        expect(VersionStatus.IN_REVIEW, "approved");
        if (separateApprover && (samePerson(actor, createdBy) || samePerson(actor, submittedBy))) {
            throw new PolicyStateException("Version " + number + " was drafted or submitted by " + person(actor)
                    + ": someone else approves it (the workspace asks for a separate approver in the policy settings).");
        }
        return with(VersionStatus.APPROVED, submittedAt, submittedBy, now, actor, null, null);
    }

    /** Approved to published. */
    public PolicyVersion publish(Instant now, String actor) {
        expect(VersionStatus.APPROVED, "published");
        return with(VersionStatus.PUBLISHED, submittedAt, submittedBy, approvedAt, approvedBy, now, actor);
    }

    /** In review or approved back to draft, forgetting who submitted and approved it. */
    public PolicyVersion returnToDraft() {
        if (status == VersionStatus.PUBLISHED || status == VersionStatus.DRAFT) {
            throw new PolicyStateException("Only a version in review or approved can be returned to draft.");
        }
        return with(VersionStatus.DRAFT, null, null, null, null, null, null);
    }

    private void expect(VersionStatus wanted, String what) {
        if (status != wanted) {
            throw new PolicyStateException("Version " + number + " is " + lower(status)
                    + "; only a version that is " + lower(wanted) + " can be " + what + ".");
        }
    }

    private PolicyVersion with(VersionStatus next, Instant submittedAt, String submittedBy, Instant approvedAt, String approvedBy,
                               Instant publishedAt, String publishedBy) {
        return new PolicyVersion(id, policyId, number, next, body, hash, createdAt, createdBy,
                submittedAt, submittedBy, approvedAt, approvedBy, publishedAt, publishedBy);
    }

    private static String lower(VersionStatus status) {
        return status.label().toLowerCase(Locale.ROOT);
    }

    // An actor is recorded as "email" or "email (token)": the same person either way.
    private static String person(String actor) {
        return actor == null ? "" : actor.replaceFirst(" \\(.*\\)$", "").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean samePerson(String a, String b) {
        return a != null && b != null && person(a).equals(person(b));
    }

    /** The SHA-256 of a body, hex. */
    public static String hash(String body) {
        return Digests.sha256Hex(body);
    }
}
