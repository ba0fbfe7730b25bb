package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.BreachDetermined;
import dev.attest.incidents.ClockDue;
import dev.attest.incidents.DetermineBreach;
import dev.attest.incidents.Incident;
import dev.attest.incidents.IncidentSettings;
import dev.attest.incidents.IncidentStatus;
import dev.attest.incidents.NotificationClock;
import dev.attest.incidents.NotificationRecorded;
import dev.attest.incidents.NotificationRules;
import dev.attest.incidents.RecordNotification;
import dev.attest.incidents.TimelineEntry;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where a breach clock starts and stops: determining a breach starts every notification clock
 * that applies ({@link NotificationRules}), new facts move the deadlines, and each notification
 * sent is recorded with its evidence.
 */
@Service
@Validated
@RequiredArgsConstructor
public class BreachClocks {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final IncidentStore store;
    private final NoticeSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<NotificationClock> clocks(WorkspaceId workspace, UUID id) {
        store.require(workspace, id);
        return store.clocks(workspace, id);
    }

    /** Every breach clock of the workspace, by incident id. */
    @Transactional(readOnly = true)
    public Map<UUID, List<NotificationClock>> allClocks(WorkspaceId workspace) {
        return store.allClocks(workspace);
    }

    /**
     * Determines that the incident is a breach and starts every notification clock that applies.
     * Determining again with new facts moves the deadlines.
     */
    @Transactional
    public List<NotificationClock> determine(WorkspaceId workspace, UUID id, @Valid DetermineBreach command, String actor) {
        Incident before = store.require(workspace, id);
        IncidentSettings workspaceSettings = settings.settings(workspace);
        Instant now = clock.instant();
        Instant aware = command.awareAt() == null ? now : command.awareAt();
        Map<String, String> errors = new LinkedHashMap<>();
        if (aware.isBefore(before.discoveredAt())) {
            errors.put("awareAt", "cannot be before the incident was discovered (" + before.discoveredAt() + ")");
        }
        if (before.status() == IncidentStatus.CLOSED) {
            errors.put("status", "reopen the incident first");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Incident after = before.determinedBreach(command.risk(), aware, now, actor);
        store.update(workspace, after);
        List<ClockDue> due = follow(workspace, after, workspaceSettings);
        ZoneId zone = workspaceSettings.zone();
        String summary = "Determined a breach (risk to people: " + command.risk().wireName() + ", aware " + shown(aware, zone) + "); "
                + (due.isEmpty() ? "no notification clock applies"
                : "clocks: " + due.stream().map(c -> c.rule() + " → " + c.recipient() + " by " + shown(c.due(), zone))
                .collect(Collectors.joining("; ")));
        store.insertTimeline(workspace, id, TimelineEntry.of(now, actor, summary), now);
        events.publishEvent(new BreachDetermined(workspace, actor, id, summary));
        return store.clocks(workspace, id);
    }

    /** Records that a notification went out; once only, as the evidence of it must not change. */
    @Transactional
    public NotificationClock record(WorkspaceId workspace, UUID id, String key, @Valid RecordNotification command, String actor) {
        store.require(workspace, id);
        ZoneId zone = settings.settings(workspace).zone();
        NotificationClock found = find(workspace, id, key);
        if (!found.open()) {
            throw new InvalidFieldException("key", "this notification was already recorded at " + found.sentAt());
        }
        Instant now = clock.instant();
        Instant when = command.sentAt() == null ? now : command.sentAt();
        store.recordSent(workspace, id, key, when, command.evidence(), actor, now);
        String summary = "Notified " + found.recipient() + " (" + found.rule() + ") at " + shown(when, zone)
                + (when.isAfter(found.due()) ? ", after the deadline of " + shown(found.due(), zone) : "")
                + "; evidence: " + command.evidence();
        store.insertTimeline(workspace, id, TimelineEntry.of(when, actor, summary), now);
        events.publishEvent(new NotificationRecorded(workspace, actor, id, summary));
        return find(workspace, id, key);
    }

    private NotificationClock find(WorkspaceId workspace, UUID id, String key) {
        return store.clocks(workspace, id).stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("No notification clock " + key + " on incident " + id));
    }

    /** The notifications still to be recorded, in words, which keep a breach from closing. */
    List<String> stillOpen(WorkspaceId workspace, UUID id) {
        return store.clocks(workspace, id).stream().filter(NotificationClock::open).map(c -> c.rule() + " (" + c.recipient() + ")").toList();
    }

    /** Brings a breach's clocks in line with its facts: starts or moves those that apply, drops unsent ones that no longer do. */
    List<ClockDue> follow(WorkspaceId workspace, Incident breach, IncidentSettings workspaceSettings) {
        List<ClockDue> due = NotificationRules.clocks(breach.breachFacts(workspaceSettings));
        for (ClockDue c : due) {
            store.saveClock(workspace, breach.id(), new NotificationClock(c.key(), c.rule(), c.recipient(), c.due(), c.basis(), null, null, null));
        }
        Set<String> keys = due.stream().map(ClockDue::key).collect(Collectors.toSet());
        for (NotificationClock running : store.clocks(workspace, breach.id())) {
            if (!keys.contains(running.key())) {
                store.dropUnsentClock(workspace, breach.id(), running.key());
            }
        }
        return due;
    }

    private static String shown(Instant instant, ZoneId zone) {
        return SHOWN.format(instant.atZone(zone));
    }
}
