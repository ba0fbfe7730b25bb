package dev.attest.controls.internal;

import dev.attest.controls.ControlChange;
import dev.attest.controls.ControlState;
import dev.attest.controls.ControlUpdated;
import dev.attest.controls.ImplementationStatus;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.Submission;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Setting a control's status, owner, justification and notes. */
@Service
@RequiredArgsConstructor
public class ControlEdits {

    /** The order in which a refused change names its fields. */
    private static final List<String> FIELDS = List.of("status", "owner", "justification", "notes");

    private final ControlLibrary library;
    private final ControlStateStore store;
    private final WorkspaceMembers members;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Sets a control's state; refuses, every bad field at once, a missing status, an owner who is not a member,
     * not_applicable without a justification and text over its limit. A change that changes nothing is no change.
     */
    @Transactional
    public ControlState update(WorkspaceId workspace, String key, ControlChange change, CurrentUser actor) {
        ControlState before = library.get(workspace, key);
        Map<String, String> found = Submission.fieldErrors(validator.validate(change));
        String owner = change.owner();
        String ownerEmail = owner == null ? null : members.memberByEmail(workspace, owner).map(m -> m.email()).orElse(null);
        if (owner != null && ownerEmail == null) {
            found.putIfAbsent("owner", "no member of this workspace has the email " + owner);
        }
        if (change.status() == ImplementationStatus.NOT_APPLICABLE && change.justification() == null) {
            found.putIfAbsent("justification", "say why the control does not apply (required for not_applicable)");
        }
        if (!found.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            FIELDS.stream().filter(found::containsKey).forEach(field -> errors.put(field, found.get(field)));
            errors.putAll(found);
            throw new InvalidFieldException(errors);
        }
        Instant now = clock.instant();
        ControlState after = before.changed(change, ownerEmail, now, actor.actor());
        if (before.sameAs(after)) {
            return before;
        }
        store.save(workspace, after);
        events.publishEvent(new ControlUpdated(workspace, key, before.status(), after.status(), before.owner(), ownerEmail, actor.actor(), now));
        return after;
    }
}
