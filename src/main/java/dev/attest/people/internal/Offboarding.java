package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.AccessRevoked;
import dev.attest.people.OffboardingTask;
import dev.attest.people.People;
import dev.attest.people.Person;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.FieldChecks;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A departure: one revocation task per system of the workspace, due within the revocation window of
 * the end date, each confirmed by someone; the list of systems is the workspace's own.
 */
@Service
@RequiredArgsConstructor
public class Offboarding {

    private final PeopleStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Opens the revocation tasks of a person with an end date; drops the open ones when the end date is gone. */
    void follow(WorkspaceId workspace, Person p) {
        if (p.endDate() == null) {
            store.dropOpenTasks(workspace, p.id());
            return;
        }
        Instant due = Onboarding.end(p.endDate()).plus(Onboarding.REVOCATION_WINDOW);
        for (String system : systems(workspace)) {
            store.openTask(workspace, p.id(), system, due);
        }
    }

    @Transactional(readOnly = true)
    public List<String> systems(WorkspaceId workspace) {
        List<String> systems = store.systems(workspace);
        return systems.isEmpty() ? People.DEFAULT_SYSTEMS : systems;
    }

    @Transactional
    public List<String> saveSystems(WorkspaceId workspace, List<String> names, String actor) {
        List<String> clean = names.stream().map(FieldChecks::trimmed).filter(Objects::nonNull).distinct().toList();
        if (clean.isEmpty()) {
            throw new InvalidFieldException("systems", "list at least one system");
        }
        if (clean.stream().anyMatch(n -> n.length() > 100)) {
            throw new InvalidFieldException("systems", "each name must be at most 100 characters");
        }
        store.replaceSystems(workspace, clean);
        return clean;
    }

    @Transactional(readOnly = true)
    public List<OffboardingTask> tasks(WorkspaceId workspace, UUID personId) {
        person(workspace, personId);
        return store.tasks(workspace, personId);
    }

    /** Someone confirms that a departed person's access to one system is revoked. */
    @Transactional
    public OffboardingTask confirmRevocation(WorkspaceId workspace, UUID personId, UUID taskId, String actor) {
        Person p = person(workspace, personId);
        OffboardingTask task = store.tasks(workspace, personId).stream().filter(t -> t.id().equals(taskId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such offboarding task"));
        if (task.confirmedAt() == null) {
            store.confirmTask(workspace, taskId, clock.instant(), actor);
            events.publishEvent(new AccessRevoked(workspace, personId, p.email(), actor, task.system()));
        }
        return store.tasks(workspace, personId).stream().filter(t -> t.id().equals(taskId)).findFirst().orElseThrow();
    }

    private Person person(WorkspaceId workspace, UUID id) {
        return store.person(workspace, id).orElseThrow(() -> new NotFoundException("No such person"));
    }
}
