package dev.attest.trustcenter.internal;

import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.trustcenter.DocumentAccessRequested;
import dev.attest.web.PublicBaseUrl;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A visitor's request for a gated document waits on an admin: each admin gets an email when one
 * arrives, and every pending request is a task in the obligations calendar (due two days after it
 * came in) until someone approves or denies it.
 */
@Component
@RequiredArgsConstructor
class AccessRequestNotice implements ObligationSource {

    static final Duration ANSWER_WITHIN = Duration.ofDays(2);

    private final WorkspaceMembers members;
    private final DocumentStore store;
    private final Mail mail;
    private final PublicBaseUrl baseUrl;

    // After the commit: an email about a request that was rolled back would point at nothing.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DocumentAccessRequested event) {
        if (event.approved()) {
            return;
        }
        String text = """
                %s asks for "%s" on your Trust Center.

                Approve or deny it here:
                %s/trust-center/requests
                """.formatted(event.company() == null || event.company().isBlank() ? event.actor().replaceFirst("^visitor:", "")
                : event.company() + " (" + event.actor().replaceFirst("^visitor:", "") + ")", event.document(), baseUrl.get());
        for (var admin : members.members(event.workspaceId())) {
            if (admin.role() == Role.ADMIN) {
                mail.send(admin.email(), "Trust Center access request: " + event.document(), text, Map.of());
            }
        }
    }

    @Override
    public List<Obligation> obligations(WorkspaceId workspace) {
        return store.requests(workspace).stream().filter(r -> "pending".equals(r.status()))
                .map(r -> new Obligation("trustcenter:access-request:" + r.id(), "access-request",
                        "Answer the access request of " + (r.company() == null || r.company().isBlank() ? r.email() : r.company()),
                        null, r.createdAt().plus(ANSWER_WITHIN), "/trust-center/requests"))
                .toList();
    }
}
