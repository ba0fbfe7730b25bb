package dev.attest.incidents;

import static dev.attest.web.FieldChecks.text;
import static dev.attest.web.FieldChecks.trimmed;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.incidents.internal.IncidentStore;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A workspace's incidents: reporting, triage, timelines, breach determination and its notification
 * clocks, post-mortems and incident-response exercises. Every change publishes an event and, for an
 * incident, a line in its timeline.
 */
@Service
public class Incidents {

    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final IncidentStore store;
    private final WorkspaceMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IncidentSettings defaults;

    Incidents(IncidentStore store, WorkspaceMembers members, ApplicationEventPublisher events, Clock clock,
              @Value("${attest.incidents.customer-notice-hours:72}") int customerNoticeHours,
              @Value("${attest.time-zone:UTC}") String zone) {
        this.store = store;
        this.members = members;
        this.events = events;
        this.clock = clock;
        this.defaults = new IncidentSettings(customerNoticeHours, ZoneId.of(zone));
    }

    @Transactional(readOnly = true)
    public List<Incident> list(WorkspaceId workspace) {
        return store.all(workspace);
    }

    /** The incidents whose title contains the term or whose id it is, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Incident> search(WorkspaceId workspace, dev.attest.web.SearchTerm term, int limit) {
        return store.search(workspace, term, limit);
    }

    /** The incident; one of another workspace, or none, is a 404. */
    @Transactional(readOnly = true)
    public Incident get(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("No incident " + id));
    }

    /** Anyone signed in reports an incident: a title, what they saw, when they noticed (now when not given). */
    @Transactional
    public Incident report(WorkspaceId workspace, String title, String description, String discoveredAt, List<String> systems,
                           String actor) {
        Instant now = clock.instant();
        IncidentSettings settings = settings(workspace);
        Map<String, String> errors = new LinkedHashMap<>();
        String t = text(title, "title", 200, true, errors);
        String d = text(description, "description", 8000, false, errors);
        Instant discovered = instant(discoveredAt, "discoveredAt", settings.zone(), errors);
        List<String> sys = names(systems, "systems", errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Incident incident = new Incident(UUID.randomUUID(), t, d, actor, now, discovered == null ? now : discovered, null,
                IncidentStatus.OPEN, null, Set.of(), sys, List.of(), 0, Map.of(), false, null, null, null, null, null, now, actor);
        store.insert(workspace, incident);
        note(workspace, incident.id(), now, actor, "Reported by " + actor);
        events.publishEvent(new IncidentReported(workspace, actor, incident.id(), t));
        return incident;
    }

    /**
     * Triage: severity, status, lead, the systems, data, customers and people affected. Closing a
     * breach whose notifications are not all recorded is refused, naming them. When the incident is
     * a breach, its clocks follow the new facts.
     */
    @Transactional
    public Incident triage(WorkspaceId workspace, UUID id, IncidentChange change, String actor) {
        Incident before = get(workspace, id);
        IncidentSettings settings = settings(workspace);
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text(change.title(), "title", 200, true, errors);
        String description = text(change.description(), "description", 8000, false, errors);
        Instant discovered = instant(change.discoveredAt(), "discoveredAt", settings.zone(), errors);
        Severity severity = null;
        if (trimmed(change.severity()) != null) {
            severity = WireName.parse(Severity.class, change.severity()).orElse(null);
            if (severity == null) {
                errors.put("severity", "'" + change.severity().strip() + "' is not one of " + WireName.allowed(Severity.class));
            }
        }
        IncidentStatus status = WireName.parse(IncidentStatus.class, change.status()).orElse(null);
        if (status == null) {
            errors.put("status", "choose one of " + WireName.allowed(IncidentStatus.class));
        }
        String lead = trimmed(change.lead());
        if (lead != null) {
            var member = members.memberByEmail(workspace, lead);
            if (member.isEmpty()) {
                errors.put("lead", "no member of this workspace has the email " + lead);
            } else {
                lead = member.get().email();
            }
        }
        Set<DataCategory> data = EnumSet.noneOf(DataCategory.class);
        for (String c : change.data()) {
            if (trimmed(c) == null) {
                continue;
            }
            WireName.parse(DataCategory.class, c).ifPresentOrElse(data::add,
                    () -> errors.put("data", "'" + c.strip() + "' is not one of " + WireName.allowed(DataCategory.class)));
        }
        List<String> systems = names(change.systems(), "systems", errors);
        List<String> customers = names(change.customers(), "customers", errors);
        int individuals = count(change.individualsAffected(), "individualsAffected", errors);
        Map<String, Integer> byState = new TreeMap<>();
        change.residentsByState().forEach((state, n) -> {
            String code = state == null ? "" : state.strip().toUpperCase(Locale.ROOT);
            if (!STATE.matcher(code).matches()) {
                errors.put("residentsByState", "'" + state + "' is not a two-letter state code such as CA");
            } else {
                byState.put(code, count(n, "residentsByState", errors));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        if (status == IncidentStatus.CLOSED && before.status() != IncidentStatus.CLOSED) {
            List<String> open = store.clocks(workspace, id).stream().filter(NotificationClock::open)
                    .map(c -> c.rule() + " (" + c.recipient() + ")").toList();
            if (!open.isEmpty()) {
                throw new InvalidFieldException("status", "record the notifications still open before closing this breach: "
                        + String.join("; ", open));
            }
        }
        Instant now = clock.instant();
        Instant closedAt = status == IncidentStatus.CLOSED ? (before.closedAt() == null ? now : before.closedAt()) : null;
        Incident after = new Incident(id, title, description, before.reportedBy(), before.reportedAt(),
                discovered == null ? before.discoveredAt() : discovered, severity, status, lead, data, systems, customers, individuals,
                byState, before.breach(), before.breachRisk(), before.breachAwareAt(), before.breachDeterminedAt(),
                before.breachDeterminedBy(), closedAt, now, actor);
        List<String> changes = changes(before, after);
        if (changes.isEmpty()) {
            return before;
        }
        store.update(workspace, after);
        note(workspace, id, now, actor, String.join("; ", changes));
        if (after.breach()) {
            startClocks(workspace, after, settings);
        }
        events.publishEvent(new IncidentChanged(workspace, actor, status == IncidentStatus.CLOSED && before.status() != status
                ? "incidents.closed" : "incidents.triaged", id, String.join("; ", changes)));
        return after;
    }

    private static List<String> changes(Incident b, Incident a) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(b.title(), a.title())) changes.add("Title changed to " + a.title());
        if (!Objects.equals(b.description(), a.description())) changes.add("Description changed");
        if (!Objects.equals(b.discoveredAt(), a.discoveredAt())) changes.add("Discovered at " + a.discoveredAt());
        if (b.severity() != a.severity()) changes.add("Severity " + (a.severity() == null ? "cleared" : "set to " + a.severity().wireName()));
        if (b.status() != a.status()) changes.add("Status " + b.status().wireName() + " → " + a.status().wireName());
        if (!Objects.equals(b.lead(), a.lead())) changes.add("Lead " + (a.lead() == null ? "cleared" : "set to " + a.lead()));
        if (!b.data().equals(a.data())) changes.add("Data affected: " + (a.data().isEmpty() ? "none"
                : String.join(", ", a.data().stream().map(DataCategory::wireName).sorted().toList())));
        if (!b.systems().equals(a.systems())) changes.add("Systems affected: " + (a.systems().isEmpty() ? "none" : String.join(", ", a.systems())));
        if (!b.customers().equals(a.customers())) changes.add("Customers affected: " + (a.customers().isEmpty() ? "none" : String.join(", ", a.customers())));
        if (b.individualsAffected() != a.individualsAffected()) changes.add("Individuals affected: " + a.individualsAffected());
        if (!b.residentsByState().equals(a.residentsByState())) changes.add("Residents by state: " + new TreeMap<>(a.residentsByState()));
        return changes;
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(WorkspaceId workspace, UUID id) {
        get(workspace, id);
        return store.timeline(workspace, id);
    }

    /** Adds a line to the timeline; {@code at} may be earlier than now (things are often written up after), never later. */
    @Transactional
    public TimelineEntry addToTimeline(WorkspaceId workspace, UUID id, String at, String entry, String actor) {
        get(workspace, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant when = instant(at, "at", settings(workspace).zone(), errors);
        String text = text(entry, "entry", 4000, true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        TimelineEntry e = note(workspace, id, when == null ? clock.instant() : when, actor, text);
        events.publishEvent(new IncidentChanged(workspace, actor, "incidents.noted", id, "timeline: " + abbreviate(text)));
        return e;
    }

    /**
     * Determines that the incident is a breach and starts every notification clock that applies
     * (see {@link NotificationRules}). Determining again with new facts moves the deadlines.
     *
     * @param awareAt when the organisation became aware of the breach; now when not given
     */
    @Transactional
    public List<NotificationClock> determineBreach(WorkspaceId workspace, UUID id, String risk, String awareAt, String actor) {
        Incident before = get(workspace, id);
        IncidentSettings settings = settings(workspace);
        Map<String, String> errors = new LinkedHashMap<>();
        BreachRisk level = WireName.parse(BreachRisk.class, risk).orElse(null);
        if (level == null) {
            errors.put("risk", "choose the risk to the people affected: " + WireName.allowed(BreachRisk.class));
        }
        Instant aware = instant(awareAt, "awareAt", settings.zone(), errors);
        Instant now = clock.instant();
        if (aware == null && !errors.containsKey("awareAt")) {
            aware = now;
        }
        if (aware != null && aware.isBefore(before.discoveredAt())) {
            errors.put("awareAt", "cannot be before the incident was discovered (" + before.discoveredAt() + ")");
        }
        if (before.status() == IncidentStatus.CLOSED) {
            errors.put("status", "reopen the incident first");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Incident after = new Incident(id, before.title(), before.description(), before.reportedBy(), before.reportedAt(),
                before.discoveredAt(), before.severity(), before.status(), before.lead(), before.data(), before.systems(),
                before.customers(), before.individualsAffected(), before.residentsByState(), true, level, aware, now, actor,
                before.closedAt(), now, actor);
        store.update(workspace, after);
        List<ClockDue> due = startClocks(workspace, after, settings);
        String summary = "Determined a breach (risk to people: " + level.wireName() + ", aware " + shown(aware, settings.zone()) + "); "
                + (due.isEmpty() ? "no notification clock applies"
                : "clocks: " + String.join("; ", due.stream().map(c -> c.rule() + " → " + c.recipient() + " by " + shown(c.due(), settings.zone())).toList()));
        note(workspace, id, now, actor, summary);
        events.publishEvent(new IncidentChanged(workspace, actor, "incidents.breach-determined", id, abbreviate(summary)));
        return store.clocks(workspace, id);
    }

    private List<ClockDue> startClocks(WorkspaceId workspace, Incident i, IncidentSettings settings) {
        List<ClockDue> due = NotificationRules.clocks(new BreachFacts(i.breachAwareAt(), i.discoveredAt(), i.data(), i.breachRisk(),
                i.individualsAffected(), i.residentsByState(), i.customers(), settings.customerNoticeHours(), settings.zone()));
        Set<String> keys = new HashSet<>();
        for (ClockDue c : due) {
            keys.add(c.key());
            store.saveClock(workspace, i.id(), new NotificationClock(c.key(), c.rule(), c.recipient(), c.due(), c.basis(), null, null, null));
        }
        for (NotificationClock running : store.clocks(workspace, i.id())) {
            if (!keys.contains(running.key())) {
                store.dropUnsentClock(workspace, i.id(), running.key());
            }
        }
        return due;
    }

    @Transactional(readOnly = true)
    public List<NotificationClock> clocks(WorkspaceId workspace, UUID id) {
        get(workspace, id);
        return store.clocks(workspace, id);
    }

    /** Every breach clock of the workspace, by incident id. */
    @Transactional(readOnly = true)
    public Map<UUID, List<NotificationClock>> allClocks(WorkspaceId workspace) {
        return store.allClocks(workspace);
    }

    /**
     * Records that a notification went out: when (now when not given, never in the future) and the
     * evidence (a note or the name of the file that shows it).
     */
    @Transactional
    public NotificationClock recordNotification(WorkspaceId workspace, UUID id, String key, String sentAt, String evidence, String actor) {
        get(workspace, id);
        IncidentSettings settings = settings(workspace);
        NotificationClock clockFound = store.clocks(workspace, id).stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("No notification clock " + key + " on incident " + id));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!clockFound.open()) {
            errors.put("key", "this notification was already recorded at " + clockFound.sentAt());
        }
        Instant sent = instant(sentAt, "sentAt", settings.zone(), errors);
        String proof = text(evidence, "evidence", 2000, true, errors);
        if (errors.containsKey("evidence") && proof == null) {
            errors.put("evidence", "say how it was sent, or name the file that shows it");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Instant now = clock.instant();
        Instant when = sent == null ? now : sent;
        store.recordSent(workspace, id, key, when, proof, actor, now);
        String summary = "Notified " + clockFound.recipient() + " (" + clockFound.rule() + ") at " + shown(when, settings.zone())
                + (when.isAfter(clockFound.due()) ? ", after the deadline of " + shown(clockFound.due(), settings.zone()) : "")
                + "; evidence: " + proof;
        note(workspace, id, when, actor, summary);
        events.publishEvent(new IncidentChanged(workspace, actor, "incidents.notified", id, abbreviate(summary)));
        return store.clocks(workspace, id).stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    // post-mortem

    @Transactional(readOnly = true)
    public PostMortem postMortem(WorkspaceId workspace, UUID id) {
        get(workspace, id);
        return store.postMortem(workspace, id).orElse(new PostMortem(null, null, List.of(), null, null));
    }

    @Transactional
    public PostMortem savePostMortem(WorkspaceId workspace, UUID id, String rootCause, String lessons, String actor) {
        get(workspace, id);
        Map<String, String> errors = new LinkedHashMap<>();
        String cause = text(rootCause, "rootCause", 8000, true, errors);
        String learned = text(lessons, "lessons", 8000, false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Instant now = clock.instant();
        store.savePostMortem(workspace, id, cause, learned, now, actor);
        note(workspace, id, now, actor, "Post-mortem written");
        events.publishEvent(new IncidentChanged(workspace, actor, "incidents.postmortem-written", id, "root cause: " + abbreviate(cause)));
        return postMortem(workspace, id);
    }

    @Transactional
    public PostMortem.ActionItem addAction(WorkspaceId workspace, UUID id, String description, String owner, String dueOn, String actor) {
        get(workspace, id);
        Map<String, String> errors = new LinkedHashMap<>();
        String text = text(description, "description", 2000, true, errors);
        String who = trimmed(owner);
        if (who == null) {
            errors.put("owner", "name the member who owns this action");
        } else {
            var member = members.memberByEmail(workspace, who);
            if (member.isEmpty()) {
                errors.put("owner", "no member of this workspace has the email " + who);
            } else {
                who = member.get().email();
            }
        }
        LocalDate due = null;
        if (trimmed(dueOn) == null) {
            errors.put("dueOn", "give a due date as YYYY-MM-DD");
        } else {
            try {
                due = LocalDate.parse(dueOn.strip());
            } catch (DateTimeParseException e) {
                errors.put("dueOn", "'" + dueOn.strip() + "' is not a date as YYYY-MM-DD");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Instant now = clock.instant();
        PostMortem.ActionItem item = new PostMortem.ActionItem(UUID.randomUUID(), text, who, due, null);
        store.insertAction(workspace, id, item, now);
        note(workspace, id, now, actor, "Action item for " + who + " due " + due + ": " + abbreviate(text));
        events.publishEvent(new IncidentChanged(workspace, actor, "incidents.action-added", id, abbreviate(text)));
        return item;
    }

    @Transactional
    public void completeAction(WorkspaceId workspace, UUID id, UUID actionId, boolean done, String actor) {
        get(workspace, id);
        Instant now = clock.instant();
        if (!store.setActionDone(workspace, id, actionId, done ? now : null)) {
            throw new NotFoundException("No action item " + actionId);
        }
        events.publishEvent(new IncidentChanged(workspace, actor, done ? "incidents.action-done" : "incidents.action-reopened", id,
                "action item " + actionId));
    }

    /** The workspace's open post-mortem action items, soonest due first. */
    @Transactional(readOnly = true)
    public List<OpenActionItem> openActions(WorkspaceId workspace) {
        return store.openActions(workspace);
    }

    // exercises

    @Transactional(readOnly = true)
    public List<Exercise> exercises(WorkspaceId workspace) {
        return store.exercises(workspace);
    }

    /** Records a tabletop or live exercise: date (not in the future), scenario, participants, findings. */
    @Transactional
    public Exercise recordExercise(WorkspaceId workspace, String heldOn, String scenario, List<String> participants, String findings,
                                   String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate held = null;
        if (trimmed(heldOn) == null) {
            errors.put("heldOn", "give the date as YYYY-MM-DD");
        } else {
            try {
                held = LocalDate.parse(heldOn.strip());
                if (held.isAfter(LocalDate.now(clock.withZone(settings(workspace).zone())))) {
                    errors.put("heldOn", "cannot be in the future");
                }
            } catch (DateTimeParseException e) {
                errors.put("heldOn", "'" + heldOn.strip() + "' is not a date as YYYY-MM-DD");
            }
        }
        String what = text(scenario, "scenario", 4000, true, errors);
        List<String> who = names(participants, "participants", errors);
        if (who.isEmpty() && !errors.containsKey("participants")) {
            errors.put("participants", "name who took part");
        }
        String found = text(findings, "findings", 8000, false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Exercise exercise = new Exercise(UUID.randomUUID(), held, what, who, found, actor, clock.instant());
        store.insertExercise(workspace, exercise);
        events.publishEvent(new ExerciseRecorded(workspace, actor, exercise));
        return exercise;
    }

    // settings

    @Transactional(readOnly = true)
    public IncidentSettings settings(WorkspaceId workspace) {
        return store.settings(workspace).orElse(defaults);
    }

    /** Sets the contractual customer notice (1 to 8760 hours) and the time zone deadlines in days are counted in. */
    @Transactional
    public IncidentSettings saveSettings(WorkspaceId workspace, String customerNoticeHours, String zone, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        int hours = 0;
        try {
            hours = Integer.parseInt(trimmed(customerNoticeHours) == null ? "" : customerNoticeHours.strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (hours < 1 || hours > 8760) {
            errors.put("customerNoticeHours", "a whole number of hours from 1 to 8760");
        }
        ZoneId zoneId = null;
        try {
            zoneId = ZoneId.of(trimmed(zone) == null ? "" : zone.strip());
        } catch (DateTimeException e) {
            errors.put("timeZone", "not a time zone such as Europe/Berlin or America/New_York");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        IncidentSettings settings = new IncidentSettings(hours, zoneId);
        store.saveSettings(workspace, settings, clock.instant(), actor);
        events.publishEvent(new IncidentSettingsChanged(workspace, actor, settings));
        return settings;
    }

    // helpers

    private TimelineEntry note(WorkspaceId workspace, UUID incident, Instant at, String author, String entry) {
        TimelineEntry e = new TimelineEntry(UUID.randomUUID(), at, author, abbreviate(entry, 4000));
        store.insertTimeline(workspace, incident, e, clock.instant());
        return e;
    }

    private static String shown(Instant instant, ZoneId zone) {
        return SHOWN.format(instant.atZone(zone));
    }

    private static String abbreviate(String text) {
        return abbreviate(text, 300);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * A time as an ISO instant or offset time, or a local date-time (as a browser's datetime-local
     * field sends it) read in the workspace's zone. Never in the future.
     */
    private Instant instant(String value, String field, ZoneId zone, Map<String, String> errors) {
        String v = trimmed(value);
        if (v == null) {
            return null;
        }
        Instant parsed = null;
        try {
            parsed = OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                parsed = LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                errors.put(field, "'" + v + "' is not a time such as 2026-03-01T14:30:00Z (or 2026-03-01T14:30 in " + zone + ")");
                return null;
            }
        }
        if (parsed.isAfter(clock.instant())) {
            errors.put(field, "cannot be in the future");
            return null;
        }
        return parsed;
    }

    private static int count(String value, String field, Map<String, String> errors) {
        String v = trimmed(value);
        if (v == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, "'" + v + "' is not a whole number of people (0 or more)");
        return 0;
    }

    private static List<String> names(List<String> values, String field, Map<String, String> errors) {
        List<String> names = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            String n = trimmed(v);
            if (n == null) {
                continue;
            }
            if (n.length() > 200 || n.contains("\n")) {
                errors.put(field, "each name at most 200 characters on one line");
            } else if (!names.contains(n)) {
                names.add(n);
            }
        }
        return names;
    }
}
