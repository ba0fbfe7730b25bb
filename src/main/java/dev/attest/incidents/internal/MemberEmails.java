package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A lead or an owner named by email must be a member of the workspace; the member's own spelling of the email is kept. */
@Component
@RequiredArgsConstructor
class MemberEmails {

    private final WorkspaceMembers members;

    Optional<String> find(WorkspaceId workspace, String email) {
        return members.memberByEmail(workspace, email.strip()).map(m -> m.email());
    }

    static String unknown(String email) {
        return "no member of this workspace has the email " + email.strip();
    }

    /** The member's email, null for none, or a 400 naming the field. */
    String require(WorkspaceId workspace, String email, String field) {
        if (email == null) {
            return null;
        }
        return find(workspace, email).orElseThrow(() -> new InvalidFieldException(field, unknown(email)));
    }
}
