package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.AddTimelineEntry;
import dev.attest.incidents.Incident;
import dev.attest.incidents.IncidentClosed;
import dev.attest.incidents.IncidentEvent;
import dev.attest.incidents.IncidentReported;
import dev.attest.incidents.IncidentTriaged;
import dev.attest.incidents.ReportIncident;
import dev.attest.incidents.TimelineEntry;
import dev.attest.incidents.TimelineNoted;
import dev.attest.incidents.TriageIncident;
import dev.attest.web.InvalidFieldException;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident from its report to its close: reporting (anyone signed in), triage (severity, status,
 * lead, what was affected) and the timeline. Every change writes a line in the timeline and
 * publishes one {@link IncidentEvent}.
 */
@Service
@Validated
@RequiredArgsConstructor
public class Triage {

    private final IncidentStore store;
    private final BreachClocks clocks;
    private final NoticeSettings settings;
    private final MemberEmails members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Latest reported first. */
    @Transactional(readOnly = true)
    public List<Incident> list(WorkspaceId workspace) {
        return store.all(workspace);
    }

    /** The incident; one of another workspace, or none, is a 404. */
    @Transactional(readOnly = true)
    public Incident get(WorkspaceId workspace, UUID id) {
        return store.require(workspace, id);
    }

    @Transactional
    public Incident report(WorkspaceId workspace, @Valid ReportIncident report, String actor) {
        Instant now = clock.instant();
        Incident incident = Incident.reported(report, actor, now);
        store.insert(workspace, incident);
        store.insertTimeline(workspace, incident.id(), TimelineEntry.of(now, actor, "Reported by " + actor), now);
        events.publishEvent(new IncidentReported(workspace, actor, incident.id(), incident.title()));
        return incident;
    }

    /**
     * Triage. Closing a breach whose notifications are not all recorded is refused, naming them.
     * When the incident is a breach, its clocks follow the new facts.
     */
    @Transactional
    public Incident triage(WorkspaceId workspace, UUID id, @Valid TriageIncident command, String actor) {
        Incident before = store.require(workspace, id);
        String lead = members.require(workspace, command.lead(), "lead");
        TriageIncident checked = command.withLead(lead);
        if (before.closesWith(checked.status())) {
            List<String> open = clocks.stillOpen(workspace, id);
            if (!open.isEmpty()) {
                throw new InvalidFieldException("status", "record the notifications still open before closing this breach: "
                        + String.join("; ", open));
            }
        }
        Instant now = clock.instant();
        Incident.Triaged triaged = before.triage(checked, now, actor);
        if (!triaged.changed()) {
            return before;
        }
        Incident after = triaged.incident();
        String changes = String.join("; ", triaged.changes());
        store.update(workspace, after);
        store.insertTimeline(workspace, id, TimelineEntry.of(now, actor, changes), now);
        if (after.breach()) {
            clocks.follow(workspace, after, settings.settings(workspace));
        }
        events.publishEvent(triaged.closed()
                ? new IncidentClosed(workspace, actor, id, changes) : new IncidentTriaged(workspace, actor, id, changes));
        return after;
    }

    /** Oldest first. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(WorkspaceId workspace, UUID id) {
        store.require(workspace, id);
        return store.timeline(workspace, id);
    }

    @Transactional
    public TimelineEntry addToTimeline(WorkspaceId workspace, UUID id, @Valid AddTimelineEntry command, String actor) {
        store.require(workspace, id);
        Instant now = clock.instant();
        TimelineEntry entry = TimelineEntry.of(command.at() == null ? now : command.at(), actor, command.entry());
        store.insertTimeline(workspace, id, entry, now);
        events.publishEvent(new TimelineNoted(workspace, actor, id, "timeline: " + IncidentEvent.brief(command.entry())));
        return entry;
    }
}
