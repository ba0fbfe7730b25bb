package dev.attest.trustcenter;

import dev.attest.crypto.Digests;
import dev.attest.identity.WorkspaceId;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A workspace's Trust Center as other modules see it: the draft an admin edits and the published snapshot the
 * public site shows. Saving a draft changes nothing public; publishing is the module's own business.
 */
public interface TrustCenter {

    /** What a deliverable email address looks like: one @, a dotted domain. */
    String EMAIL_FORM = "^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$";

    /** {@link #EMAIL_FORM} compiled. */
    Pattern EMAIL = Pattern.compile(EMAIL_FORM);

    /** The workspace the public site serves: the configured slug, or the only Trust Center there is. */
    Optional<WorkspaceId> publicWorkspace();

    /** The draft an admin edits; a workspace without one gets an empty draft. */
    TrustCenterContent draft(WorkspaceId workspace);

    /** The snapshot the public site shows, if the workspace has published one. */
    Optional<PublishedTrustCenter> published(WorkspaceId workspace);

    /** Replaces the draft after checking every field, all problems at once; the public site does not change. */
    TrustCenterContent saveDraft(WorkspaceId workspace, EditDraft draft, String actor);

    /** Replaces the draft with an amended document, checked as a submitted draft is. */
    default TrustCenterContent saveDraft(WorkspaceId workspace, TrustCenterContent content, String actor) {
        return saveDraft(workspace, EditDraft.of(content), actor);
    }

    /** Whether an address looks like a deliverable email address (one @, a dotted domain). */
    static boolean validEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    /** The SHA-256 of a text, hex: the NDA version visitors accept. */
    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of bytes, hex. */
    static String sha256(byte[] bytes) {
        return Digests.sha256Hex(bytes);
    }
}
