package dev.attest.people;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.internal.Fields;
import dev.attest.people.internal.Onboarding;
import dev.attest.people.internal.PeopleStore;
import dev.attest.people.internal.RosterCsv;
import dev.attest.policies.Acceptance;
import dev.attest.policies.Policies;
import dev.attest.policies.PolicySummary;
import dev.attest.web.InvalidFieldException;
import dev.attest.crypto.MasterKey;
import dev.attest.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The workforce roster and each person's onboarding and offboarding. People are added by hand, by
 * CSV import (all rows or none) or by SCIM; every change publishes a {@link PersonChanged} event.
 */
@Service
public class People {

    /** The systems whose access is revoked on departure until an admin lists the workspace's own. */
    public static final List<String> DEFAULT_SYSTEMS = List.of("Identity provider", "Email", "Source code hosting", "Cloud console");
    /** The master-key purpose under which background-check outcomes are sealed. */
    static final String OUTCOME_PURPOSE = "people background-check outcome";
    public static final Set<String> CHECK_STATUSES = Set.of("pending", "completed", "waived");

    private final PeopleStore store;
    private final Policies policies;
    private final MasterKey masterKey;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    People(PeopleStore store, Policies policies, MasterKey masterKey, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.masterKey = masterKey;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Person add(WorkspaceId workspace, PersonInput input, String externalId, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Person person = validate(workspace, input, null, Set.of(), errors);
        if (person != null && store.personByEmail(workspace, person.email()).isPresent()) {
            errors.put("email", "is already in the roster");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Person saved = withExternalId(person, externalId);
        store.insert(workspace, List.of(saved));
        syncOffboarding(workspace, saved);
        events.publishEvent(new PersonChanged(workspace, saved.id(), saved.email(), "added", actor, null));
        return saved;
    }

    /** Replaces a person's roster fields; setting an end date opens the revocation tasks, clearing it drops the open ones. */
    @Transactional
    public Person update(WorkspaceId workspace, UUID id, PersonInput input, String actor) {
        Person current = get(workspace, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Person person = validate(workspace, input, current, Set.of(), errors);
        if (person != null && !person.email().equals(current.email()) && store.personByEmail(workspace, person.email()).isPresent()) {
            errors.put("email", "is already in the roster");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        store.update(workspace, person);
        syncOffboarding(workspace, person);
        events.publishEvent(new PersonChanged(workspace, id, person.email(), "updated", actor,
                person.endDate() != null && !person.endDate().equals(current.endDate()) ? "end date " + person.endDate() : null));
        return person;
    }

    /** The identity provider removed the person: employment ends today (unless it ended before) and revocations open. */
    @Transactional
    public void remove(WorkspaceId workspace, UUID id, String actor) {
        Person p = get(workspace, id);
        LocalDate today = today();
        LocalDate end = p.endDate() == null || p.endDate().isAfter(today) ? today : p.endDate();
        Person removed = new Person(p.id(), p.name(), p.email(), p.title(), p.department(), p.managerEmail(), p.employmentType(),
                p.startDate(), end, p.requiredPolicies(), p.externalId(), p.createdAt(), clock.instant(), clock.instant());
        store.update(workspace, removed);
        syncOffboarding(workspace, removed);
        events.publishEvent(new PersonChanged(workspace, id, p.email(), "removed", actor, "end date " + end));
    }

    @Transactional(readOnly = true)
    public Person get(WorkspaceId workspace, UUID id) {
        return store.person(workspace, id).orElseThrow(() -> new NotFoundException("No such person"));
    }

    @Transactional(readOnly = true)
    public Optional<Person> byEmail(WorkspaceId workspace, String email) {
        return email == null ? Optional.empty() : store.personByEmail(workspace, normalize(email));
    }

    /** The people whose name or email contains the term or whose id it is, by name, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Person> search(WorkspaceId workspace, dev.attest.web.SearchTerm term, int limit) {
        return store.search(workspace, term, limit);
    }

    @Transactional(readOnly = true)
    public List<Person> list(WorkspaceId workspace) {
        return store.people(workspace);
    }

    /** Reads a CSV and reports every row's errors without saving anything. */
    @Transactional(readOnly = true)
    public ImportResult preview(WorkspaceId workspace, String csv) {
        return check(workspace, csv).result();
    }

    /** Saves every row of the CSV, or none when any row has an error. */
    @Transactional
    public ImportResult importCsv(WorkspaceId workspace, String csv, String actor) {
        Checked checked = check(workspace, csv);
        if (!checked.result().valid()) {
            return checked.result();
        }
        store.insert(workspace, checked.people());
        for (Person p : checked.people()) {
            if (p.endDate() != null) {
                syncOffboarding(workspace, p);
            }
        }
        events.publishEvent(new PeopleImported(workspace, checked.people().size(), actor));
        return new ImportResult(checked.result().rows(), List.of(), checked.people().size(), checked.result().people());
    }

    private record Checked(ImportResult result, List<Person> people) {
    }

    private Checked check(WorkspaceId workspace, String csv) {
        RosterCsv.Parsed parsed = RosterCsv.parse(csv);
        List<ImportError> errors = new ArrayList<>(parsed.errors());
        Set<String> existing = new HashSet<>(store.emails(workspace));
        Set<String> inFile = new HashSet<>();
        for (PersonInput row : parsed.rows()) {
            if (row.email() != null && !row.email().isBlank()) {
                inFile.add(normalize(row.email()));
            }
        }
        Map<String, Integer> firstRow = new HashMap<>();
        Map<String, UUID> policyIds = policyIndex(workspace);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < parsed.rows().size(); i++) {
            int row = i + 2;
            PersonInput input = parsed.rows().get(i);
            Map<String, String> rowErrors = new LinkedHashMap<>();
            Person person = validate(input, null, inFile, existing, policyIds, rowErrors);
            if (person != null) {
                Integer earlier = firstRow.putIfAbsent(person.email(), row);
                if (earlier != null) {
                    rowErrors.put("email", "duplicates row " + earlier);
                } else if (existing.contains(person.email())) {
                    rowErrors.put("email", "is already in the roster");
                }
                people.add(person);
            }
            rowErrors.forEach((field, message) -> errors.add(new ImportError(row, RosterCsv.column(field), message)));
        }
        errors.sort(java.util.Comparator.comparingInt(ImportError::row));
        return new Checked(new ImportResult(parsed.rows().size(), errors, 0, parsed.rows()), people);
    }

    private Person validate(WorkspaceId workspace, PersonInput input, Person current, Set<String> batch, Map<String, String> errors) {
        return validate(input, current, batch, new HashSet<>(store.emails(workspace)), policyIndex(workspace), errors);
    }

    /** Policy ids and template keys to ids, for required policies given either way. */
    private Map<String, UUID> policyIndex(WorkspaceId workspace) {
        Map<String, UUID> index = new HashMap<>();
        for (PolicySummary s : policies.list(workspace)) {
            index.put(s.policy().id().toString(), s.policy().id());
            if (s.policy().templateKey() != null) {
                index.putIfAbsent(s.policy().templateKey(), s.policy().id());
            }
        }
        return index;
    }

    private Person validate(PersonInput in, Person current, Set<String> batch, Set<String> roster, Map<String, UUID> policyIds,
                            Map<String, String> errors) {
        String name = strip(in.name());
        String email = in.email() == null ? null : normalize(in.email());
        if (name == null) {
            errors.put("name", "is required");
        } else if (name.length() > 200) {
            errors.put("name", "must be at most 200 characters");
        }
        if (email == null || email.isEmpty()) {
            errors.put("email", "is required");
        } else if (email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("email", "is not an email address");
        }
        String manager = in.managerEmail() == null || in.managerEmail().isBlank() ? null : normalize(in.managerEmail());
        if (manager != null) {
            if (manager.equals(email)) {
                errors.put("managerEmail", "cannot be the person themself");
            } else if (!roster.contains(manager) && !batch.contains(manager)) {
                errors.put("managerEmail", "is not a person in the roster: " + manager);
            }
        }
        EmploymentType type = in.employmentType() == null || in.employmentType().isBlank() ? EmploymentType.EMPLOYEE
                : EmploymentType.parse(in.employmentType());
        if (type == null) {
            errors.put("employmentType", "must be employee or contractor");
        }
        LocalDate start = Fields.date(in.startDate(), "startDate", errors);
        LocalDate end = Fields.date(in.endDate(), "endDate", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.put("endDate", "is before the start date " + start);
        }
        List<UUID> required = new ArrayList<>();
        for (String ref : in.requiredPolicies()) {
            UUID id = policyIds.get(ref.strip());
            if (id == null) {
                errors.put("requiredPolicies", "no policy with id or template " + ref.strip());
            } else if (!required.contains(id)) {
                required.add(id);
            }
        }
        String title = limited(in.title(), "title", errors);
        String department = limited(in.department(), "department", errors);
        if (!errors.isEmpty()) {
            return email == null || email.isEmpty() ? null : partial(email);
        }
        Instant now = clock.instant();
        return new Person(current == null ? UUID.randomUUID() : current.id(), name, email, title, department, manager, type, start, end,
                required, current == null ? null : current.externalId(), current == null ? now : current.createdAt(), now,
                current == null ? null : current.removedAt());
    }

    // Lets the import detect duplicates even in rows that have other errors.
    private static Person partial(String email) {
        return new Person(UUID.randomUUID(), "", email, null, null, null, EmploymentType.EMPLOYEE, null, null, List.of(), null,
                Instant.EPOCH, Instant.EPOCH, null);
    }

    private static String limited(String value, String field, Map<String, String> errors) {
        String v = strip(value);
        if (v != null && v.length() > 200) {
            errors.put(field, "must be at most 200 characters");
        }
        return v;
    }


    private static Person withExternalId(Person p, String externalId) {
        return externalId == null ? p : new Person(p.id(), p.name(), p.email(), p.title(), p.department(), p.managerEmail(),
                p.employmentType(), p.startDate(), p.endDate(), p.requiredPolicies(), externalId, p.createdAt(), p.updatedAt(), p.removedAt());
    }

    /** Sets the identity provider's id of a person (SCIM). */
    @Transactional
    public Person linkExternalId(WorkspaceId workspace, UUID id, String externalId) {
        Person p = withExternalId(get(workspace, id), externalId);
        store.update(workspace, p);
        return p;
    }

    private void syncOffboarding(WorkspaceId workspace, Person p) {
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
        return systems.isEmpty() ? DEFAULT_SYSTEMS : systems;
    }

    @Transactional
    public List<String> saveSystems(WorkspaceId workspace, List<String> names, String actor) {
        List<String> clean = names.stream().map(People::strip).filter(java.util.Objects::nonNull).distinct().toList();
        if (clean.isEmpty()) {
            throw new InvalidFieldException("systems", "list at least one system");
        }
        if (clean.stream().anyMatch(n -> n.length() > 100)) {
            throw new InvalidFieldException("systems", "each name must be at most 100 characters");
        }
        store.replaceSystems(workspace, clean);
        return clean;
    }

    /** Every person with their items as of now. */
    @Transactional(readOnly = true)
    public List<PersonStatus> statuses(WorkspaceId workspace) {
        Onboarding.Records records = records(workspace);
        Instant now = clock.instant();
        return store.people(workspace).stream().map(p -> new PersonStatus(p, Onboarding.items(p, records, now))).toList();
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

    @Transactional
    public Training recordTraining(WorkspaceId workspace, UUID personId, String course, LocalDate completedOn,
                                   Certificate certificate, String actor) {
        Person p = get(workspace, personId);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = strip(course);
        if (name == null) {
            errors.put("course", "is required");
        } else if (name.length() > 200) {
            errors.put("course", "must be at most 200 characters");
        }
        Instant completedAt = completedOn == null ? clock.instant() : completedOn.atStartOfDay().toInstant(ZoneOffset.UTC);
        if (completedAt.isAfter(clock.instant())) {
            errors.put("completedOn", "cannot be in the future");
        }
        if (certificate != null && certificate.content().length > 5 * 1024 * 1024) {
            errors.put("certificate", "must be at most 5 MB");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Training t = new Training(UUID.randomUUID(), personId, name, completedAt, certificate == null ? null : certificate.name(), actor);
        store.insertTraining(workspace, t, certificate);
        events.publishEvent(new PersonChanged(workspace, personId, p.email(), "training-recorded", actor, name));
        return t;
    }

    @Transactional(readOnly = true)
    public List<Training> trainings(WorkspaceId workspace, UUID personId) {
        get(workspace, personId);
        return store.trainings(workspace, personId);
    }

    @Transactional(readOnly = true)
    public Optional<Certificate> certificate(WorkspaceId workspace, UUID trainingId) {
        return store.certificate(workspace, trainingId);
    }

    /** A click-through signature: the person types their name; the time and address are recorded. */
    @Transactional
    public void signAgreement(WorkspaceId workspace, UUID personId, String signedName, String address, String actor) {
        Person p = get(workspace, personId);
        String name = strip(signedName);
        if (name == null || !name.equalsIgnoreCase(p.name())) {
            throw new InvalidFieldException("signedName", "type your full name as it appears in the roster: " + p.name());
        }
        store.insertSignature(workspace, new Signature(personId, name, clock.instant(), address));
        events.publishEvent(new PersonChanged(workspace, personId, p.email(), "agreement-signed", actor, null));
    }

    @Transactional(readOnly = true)
    public Optional<Signature> signature(WorkspaceId workspace, UUID personId) {
        return Optional.ofNullable(store.signatures(workspace).get(personId));
    }

    /** Records a background check; the outcome is encrypted before it reaches the database. */
    @Transactional
    public BackgroundCheck recordBackgroundCheck(WorkspaceId workspace, UUID personId, String status, String completedOn,
                                                 String provider, String outcome, String actor) {
        Person p = get(workspace, personId);
        Map<String, String> errors = new LinkedHashMap<>();
        String s = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        if (!CHECK_STATUSES.contains(s)) {
            errors.put("status", "must be one of pending, completed, waived");
        }
        LocalDate done = Fields.date(completedOn, "completedOn", errors);
        if ("completed".equals(s) && done == null && !errors.containsKey("completedOn")) {
            errors.put("completedOn", "is required when the check is completed");
        }
        if (done != null && done.isAfter(today())) {
            errors.put("completedOn", "cannot be in the future");
        }
        String prov = limited(provider, "provider", errors);
        if (outcome != null && outcome.length() > 2000) {
            errors.put("outcome", "must be at most 2000 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        String sealed = outcome == null || outcome.isBlank() ? null : masterKey.seal(outcome.strip(), OUTCOME_PURPOSE, context(workspace, personId));
        store.saveCheck(workspace, new PeopleStore.StoredCheck(personId, s, done, prov, sealed, clock.instant(), actor));
        events.publishEvent(new PersonChanged(workspace, personId, p.email(), "background-check-recorded", actor, s));
        return backgroundCheck(workspace, personId, true).orElseThrow();
    }

    /** The person's background check; the outcome is decrypted only when asked for (admins). */
    @Transactional(readOnly = true)
    public Optional<BackgroundCheck> backgroundCheck(WorkspaceId workspace, UUID personId, boolean withOutcome) {
        return Optional.ofNullable(store.checks(workspace).get(personId)).map(c -> new BackgroundCheck(c.status(), c.completedOn(),
                c.provider(), withOutcome && c.sealedOutcome() != null
                        ? masterKey.open(c.sealedOutcome(), OUTCOME_PURPOSE, context(workspace, personId)) : null, c.updatedAt(), c.updatedBy()));
    }

    private static String context(WorkspaceId workspace, UUID personId) {
        return "background-check:" + workspace + ":" + personId;
    }

    @Transactional(readOnly = true)
    public List<OffboardingTask> tasks(WorkspaceId workspace, UUID personId) {
        get(workspace, personId);
        return store.tasks(workspace, personId);
    }

    /** Someone confirms that a departed person's access to one system is revoked. */
    @Transactional
    public OffboardingTask confirmRevocation(WorkspaceId workspace, UUID personId, UUID taskId, String actor) {
        Person p = get(workspace, personId);
        OffboardingTask task = store.tasks(workspace, personId).stream().filter(t -> t.id().equals(taskId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such offboarding task"));
        if (task.confirmedAt() == null) {
            store.confirmTask(workspace, taskId, clock.instant(), actor);
            events.publishEvent(new PersonChanged(workspace, personId, p.email(), "access-revoked", actor, task.system()));
        }
        return store.tasks(workspace, personId).stream().filter(t -> t.id().equals(taskId)).findFirst().orElseThrow();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
