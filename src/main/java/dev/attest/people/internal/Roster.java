package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.ComplianceSummary;
import dev.attest.people.People;
import dev.attest.people.PersonCompliance;
import dev.attest.people.Person;
import dev.attest.people.PersonAdded;
import dev.attest.people.PersonInput;
import dev.attest.people.PersonRemoved;
import dev.attest.people.PersonStatus;
import dev.attest.people.PersonUpdated;
import dev.attest.people.Training;
import dev.attest.people.OffboardingTask;
import dev.attest.policies.Acceptance;
import dev.attest.policies.Policies;
import dev.attest.policies.PolicySummary;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.SearchTerm;
import dev.attest.web.TableQuery;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The workforce roster: people added by hand or by SCIM, changed, removed by the identity provider,
 * and each one's onboarding and offboarding items as of now. A change of end date opens or drops the
 * revocation tasks ({@link Offboarding}); every change publishes one {@link dev.attest.people.PersonEvent}.
 */
@Service
@RequiredArgsConstructor
public class Roster implements People {

    private final PeopleStore store;
    private final ComplianceStore compliance;
    private final PersonRules rules;
    private final Offboarding offboarding;
    private final Policies policies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional
    public Person add(WorkspaceId workspace, PersonInput input, String externalId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Person person = rules.check(workspace, input, null, errors);
        if (person != null && store.personByEmail(workspace, person.email()).isPresent()) {
            errors.put("email", "is already in the roster");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Person saved = externalId == null ? person : person.withExternalId(externalId);
        store.insert(workspace, List.of(saved));
        offboarding.follow(workspace, saved);
        events.publishEvent(new PersonAdded(workspace, saved.id(), saved.email(), actor));
        return saved;
    }

    /** Replaces a person's roster fields; setting an end date opens the revocation tasks, clearing it drops the open ones. */
    @Transactional
    public Person update(WorkspaceId workspace, UUID id, PersonInput input, String actor) {
        Person current = get(workspace, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Person person = rules.check(workspace, input, current, errors);
        if (person != null && !person.email().equals(current.email()) && store.personByEmail(workspace, person.email()).isPresent()) {
            errors.put("email", "is already in the roster");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        store.update(workspace, person);
        offboarding.follow(workspace, person);
        events.publishEvent(new PersonUpdated(workspace, id, person.email(), actor,
                person.endDate() != null && !person.endDate().equals(current.endDate()) ? "end date " + person.endDate() : null));
        return person;
    }

    /** The identity provider removed the person: employment ends today (unless it ended before) and revocations open. */
    @Transactional
    public void remove(WorkspaceId workspace, UUID id, String actor) {
        Person removed = get(workspace, id).removed(LocalDate.now(clock.withZone(ZoneOffset.UTC)), clock.instant());
        store.update(workspace, removed);
        offboarding.follow(workspace, removed);
        events.publishEvent(new PersonRemoved(workspace, id, removed.email(), actor, "end date " + removed.endDate()));
    }

    /** Sets the identity provider's id of a person (SCIM). */
    @Transactional
    public Person linkExternalId(WorkspaceId workspace, UUID id, String externalId) {
        Person p = get(workspace, id);
        Person linked = externalId == null ? p : p.withExternalId(externalId);
        store.update(workspace, linked);
        return linked;
    }

    /** The person; one of another workspace, or none, is a 404. */
    @Transactional(readOnly = true)
    public Person get(WorkspaceId workspace, UUID id) {
        return store.person(workspace, id).orElseThrow(() -> new NotFoundException("No such person"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Person> byEmail(WorkspaceId workspace, String email) {
        return email == null ? Optional.empty() : store.personByEmail(workspace, PersonRules.normalize(email));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Person> search(WorkspaceId workspace, SearchTerm term, int limit) {
        return store.search(workspace, term, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Person> list(WorkspaceId workspace) {
        return store.people(workspace);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PersonStatus> statuses(WorkspaceId workspace) {
        Onboarding.Records records = records(workspace);
        var now = clock.instant();
        return store.people(workspace).stream().map(p -> new PersonStatus(p, Onboarding.items(p, records, now))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public ComplianceSummary compliance(WorkspaceId workspace) {
        return compliance.summary(workspace, clock.instant());
    }

    /** One page of the roster with each person's counts, filtered and sorted in the database. */
    @Transactional(readOnly = true)
    List<PersonCompliance> roster(WorkspaceId workspace, ComplianceStore.Filter filter, TableQuery query) {
        return compliance.page(workspace, filter, query, clock.instant());
    }

    @Transactional(readOnly = true)
    long count(WorkspaceId workspace, ComplianceStore.Filter filter) {
        return compliance.count(workspace, filter, clock.instant());
    }

    @Transactional(readOnly = true)
    public PersonStatus status(WorkspaceId workspace, UUID id) {
        Person p = get(workspace, id);
        return new PersonStatus(p, Onboarding.items(p, records(workspace), clock.instant()));
    }

    /** Loads everything the onboarding rules read, once for all people of the workspace. */
    @Transactional(readOnly = true)
    public Onboarding.Records records(WorkspaceId workspace) {
        List<PolicySummary> published = policies.list(workspace).stream().filter(s -> s.current() != null).toList();
        Map<String, List<Acceptance>> acceptances = policies.acceptances(workspace, null).stream()
                .collect(Collectors.groupingBy(Acceptance::email));
        return new Onboarding.Records(published, acceptances,
                store.trainings(workspace, null).stream().collect(Collectors.groupingBy(Training::personId)),
                store.signatures(workspace), store.checks(workspace),
                store.tasks(workspace, null).stream().collect(Collectors.groupingBy(OffboardingTask::personId)));
    }
}
