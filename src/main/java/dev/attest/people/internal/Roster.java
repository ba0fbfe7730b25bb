package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.ComplianceSummary;
import dev.attest.people.People;
import dev.attest.people.PersonCompliance;
import dev.attest.people.Person;
import dev.attest.people.PersonAdded;
import dev.attest.people.PersonDetails;
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
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The workforce roster: people added by hand or by SCIM, changed, removed by the identity provider,
 * and each one's onboarding and offboarding items as of now. A change of end date opens or drops the
 * revocation tasks ({@link Offboarding}); every change publishes one {@link dev.attest.people.PersonEvent}.
 */
@Service
@Validated
@RequiredArgsConstructor
public class Roster implements People {

    private final PeopleStore store;
    private final ComplianceStore compliance;
    private final Offboarding offboarding;
    private final Policies policies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional
    public Person add(WorkspaceId workspace, @Valid PersonDetails details, String externalId, String actor) {
        refuse(problems(workspace, details, null));
        Person saved = Person.added(details, externalId, clock.instant());
        store.insert(workspace, List.of(saved));
        offboarding.follow(workspace, saved);
        events.publishEvent(new PersonAdded(workspace, saved.id(), saved.email(), actor));
        return saved;
    }

    /** Replaces a person's roster fields; setting an end date opens the revocation tasks, clearing it drops the open ones. */
    @Transactional
    public Person update(WorkspaceId workspace, UUID id, @Valid PersonDetails details, String actor) {
        Person current = get(workspace, id);
        refuse(problems(workspace, details, current));
        Person person = current.with(details, clock.instant());
        store.update(workspace, person);
        offboarding.follow(workspace, person);
        events.publishEvent(new PersonUpdated(workspace, id, person.email(), actor,
                person.endDate() != null && !person.endDate().equals(current.endDate()) ? "end date " + person.endDate() : null));
        return person;
    }

    /**
     * What the roster refuses in these details, by field: the rules over several fields, an email
     * someone else has, a required policy the workspace does not have.
     *
     * @param current the person being changed; null for someone new
     */
    @Transactional(readOnly = true)
    Map<String, String> problems(WorkspaceId workspace, PersonDetails details, Person current) {
        Map<String, String> problems = details.problems(new HashSet<>(store.emails(workspace))::contains);
        if (details.email() != null && (current == null || !details.email().equals(current.email()))
                && store.personByEmail(workspace, details.email()).isPresent()) {
            problems.putIfAbsent("email", "is already in the roster");
        }
        Set<UUID> known = policies.list(workspace).stream().map(s -> s.policy().id()).collect(Collectors.toSet());
        details.requiredPolicies().stream().filter(p -> !known.contains(p)).findFirst()
                .ifPresent(p -> problems.putIfAbsent("requiredPolicies", "no policy with id or template " + p));
        return problems;
    }

    private static void refuse(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
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
        return email == null ? Optional.empty() : store.personByEmail(workspace, PersonDetails.email(email));
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
