package dev.attest.policies.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.policies.Policy;
import dev.attest.policies.PolicyEvent;
import dev.attest.policies.PolicyVersion;
import dev.attest.policies.VersionAction;
import dev.attest.policies.VersionApproved;
import dev.attest.policies.VersionPublished;
import dev.attest.policies.VersionReturned;
import dev.attest.policies.VersionSubmitted;
import dev.attest.policies.VersionStatus;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A version through review: submitted, approved (by someone other than its author unless the
 * workspace allows it), published (the policy's next review a year later), or returned to draft.
 */
@Service
@RequiredArgsConstructor
public class Approval {

    private final PolicyStore store;
    private final PolicyRegister register;
    private final PolicySettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Moves a version one step; a step its state does not allow is refused, saying why. */
    @Transactional
    public PolicyVersion take(WorkspaceId workspace, UUID id, int number, VersionAction action, String actor) {
        Policy policy = register.require(workspace, id);
        Instant now = clock.instant();
        PolicyVersion next = register.version(workspace, id, number).take(action, now, actor,
                action == VersionAction.APPROVE && settings.separateApprover(workspace));
        store.updateOpenVersion(workspace, next);
        if (next.status() == VersionStatus.PUBLISHED) {
            store.updatePolicy(workspace, policy.publishedOn(now.atZone(ZoneOffset.UTC).toLocalDate()));
        }
        events.publishEvent(event(workspace, policy, number, action, actor));
        return next;
    }

    private static PolicyEvent event(WorkspaceId workspace, Policy policy, int number, VersionAction action, String actor) {
        return switch (action) {
            case SUBMIT -> new VersionSubmitted(workspace, actor, policy.id(), policy.title(), number);
            case APPROVE -> new VersionApproved(workspace, actor, policy.id(), policy.title(), number);
            case PUBLISH -> new VersionPublished(workspace, actor, policy.id(), policy.title(), number);
            case RETURN -> new VersionReturned(workspace, actor, policy.id(), policy.title(), number);
        };
    }
}
