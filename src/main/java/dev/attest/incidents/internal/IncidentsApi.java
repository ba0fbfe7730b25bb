package dev.attest.incidents.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.Exercise;
import dev.attest.incidents.Incident;
import dev.attest.incidents.IncidentSettings;
import dev.attest.incidents.NotificationClock;
import dev.attest.incidents.PostMortem;
import dev.attest.incidents.TimelineEntry;
import dev.attest.incidents.TriageIncident;
import dev.attest.web.WireName;
import dev.attest.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents", description = "Incident reports, triage, timelines, breach notification clocks, post-mortems and exercises")
@RequiredArgsConstructor
class IncidentsApi {

    private final Triage triage;
    private final BreachClocks clocks;
    private final PostMortems postMortems;
    private final Exercises exercises;
    private final NoticeSettings settings;
    private final IncidentForms forms;
    private final Clock clock;

    record ClockView(String key, String rule, String recipient, Instant due, String basis, String state, Instant sentAt,
                     String evidence, String recordedBy) {

        static ClockView of(NotificationClock c, Instant now) {
            String state = c.open() ? (c.overdue(now) ? "overdue" : "open") : (c.onTime() ? "sent" : "sent_late");
            return new ClockView(c.key(), c.rule(), c.recipient(), c.due(), c.basis(), state, c.sentAt(), c.evidence(), c.recordedBy());
        }
    }

    record IncidentView(UUID id, String title, String description, String reportedBy, Instant reportedAt, Instant discoveredAt,
                        String severity, String status, String lead, List<String> data, List<String> systems, List<String> customers,
                        int individualsAffected, Map<String, Integer> residentsByState, boolean breach, String breachRisk,
                        Instant breachAwareAt, Instant breachDeterminedAt, String breachDeterminedBy, Instant closedAt,
                        List<ClockView> notifications, Instant updatedAt, String updatedBy) {
    }

    private IncidentView view(CurrentUser user, Incident i) {
        Instant now = clock.instant();
        List<ClockView> running = clocks.clocks(user.workspaceId(), i.id()).stream().map(c -> ClockView.of(c, now)).toList();
        return new IncidentView(i.id(), i.title(), i.description(), i.reportedBy(), i.reportedAt(), i.discoveredAt(),
                WireName.of(i.severity()), WireName.of(i.status()), i.lead(), i.data().stream().map(WireName::of).sorted().toList(),
                i.systems(), i.customers(), i.individualsAffected(), new java.util.TreeMap<>(i.residentsByState()), i.breach(),
                WireName.of(i.breachRisk()), i.breachAwareAt(), i.breachDeterminedAt(), i.breachDeterminedBy(), i.closedAt(),
                running, i.updatedAt(), i.updatedBy());
    }

    @GetMapping
    @RequiresPermission(Permission.INCIDENTS_READ)
    @Operation(summary = "Every incident, latest reported first, with its notification clocks")
    List<IncidentView> list(CurrentUser user) {
        return triage.list(user.workspaceId()).stream().map(i -> view(user, i)).toList();
    }

    record ReportRequest(String title, String description, String discoveredAt, List<String> systems) {
    }

    /** What a reporter gets back: enough to refer to the report, nothing of other incidents. */
    record ReportReceipt(UUID id, String title, Instant reportedAt, String status) {
    }

    @PostMapping
    @RequiresPermission(Permission.INCIDENTS_REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report an incident (anyone signed in): title, description, discoveredAt (ISO time, default now), systems")
    ReportReceipt report(CurrentUser user, @RequestBody ReportRequest request) {
        WorkspaceId workspace = user.workspaceId();
        Incident i = triage.report(workspace, forms.report(workspace, request.title(), request.description(), request.discoveredAt(),
                request.systems()), user.actor());
        return new ReportReceipt(i.id(), i.title(), i.reportedAt(), WireName.of(i.status()));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.INCIDENTS_READ)
    @Operation(summary = "One incident with its notification clocks")
    IncidentView get(CurrentUser user, @PathVariable UUID id) {
        return view(user, triage.get(user.workspaceId(), id));
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    @Operation(summary = "Triage: severity (low|medium|high|critical), status (open|contained|resolved|closed), lead, data "
            + "(personal|health|cardholder|customer), systems, customers, individualsAffected, residentsByState {\"CA\": 600}; "
            + "fields left out keep their value. Closing a breach with a notification not yet recorded is refused.")
    IncidentView triage(CurrentUser user, @PathVariable UUID id, @RequestBody Map<String, Object> body) {
        WorkspaceId workspace = user.workspaceId();
        TriageIncident change = TriagePatch.of(body).apply(forms, workspace, triage.get(workspace, id));
        return view(user, triage.triage(workspace, id, change, user.actor()));
    }

    @GetMapping("/{id}/timeline")
    @RequiresPermission(Permission.INCIDENTS_READ)
    @Operation(summary = "The incident's timeline, oldest first")
    List<TimelineEntry> timeline(CurrentUser user, @PathVariable UUID id) {
        return triage.timeline(user.workspaceId(), id);
    }

    record TimelineRequest(String at, String entry) {
    }

    @PostMapping("/{id}/timeline")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a timestamped entry (at: ISO time, default now, never in the future)")
    TimelineEntry addToTimeline(CurrentUser user, @PathVariable UUID id, @RequestBody TimelineRequest request) {
        WorkspaceId workspace = user.workspaceId();
        return triage.addToTimeline(workspace, id, forms.timelineEntry(workspace, request.at(), request.entry()), user.actor());
    }

    record BreachRequest(String risk, String awareAt) {
    }

    @PostMapping("/{id}/breach")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    @Operation(summary = "Determine that the incident is a breach: risk to people (unlikely|risk|high) and awareAt (default now). "
            + "Starts every notification clock that applies; determining again moves the deadlines to the new facts.")
    List<ClockView> determineBreach(CurrentUser user, @PathVariable UUID id, @RequestBody BreachRequest request) {
        Instant now = clock.instant();
        WorkspaceId workspace = user.workspaceId();
        return clocks.determine(workspace, id, forms.breach(workspace, request.risk(), request.awareAt()), user.actor()).stream().map(c -> ClockView.of(c, now)).toList();
    }

    record NotificationRequest(String sentAt, String evidence) {
    }

    @PostMapping("/{id}/notifications/{key}")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    @Operation(summary = "Record that a notification was sent: sentAt (default now) and evidence (a note or a file name)")
    ClockView recordNotification(CurrentUser user, @PathVariable UUID id, @PathVariable String key, @RequestBody NotificationRequest request) {
        WorkspaceId workspace = user.workspaceId();
        return ClockView.of(clocks.record(workspace, id, key, forms.notification(workspace, request.sentAt(), request.evidence()),
                user.actor()), clock.instant());
    }

    @GetMapping("/{id}/postmortem")
    @RequiresPermission(Permission.INCIDENTS_READ)
    @Operation(summary = "The post-mortem: root cause, lessons and action items")
    PostMortem postMortem(CurrentUser user, @PathVariable UUID id) {
        return postMortems.postMortem(user.workspaceId(), id);
    }

    record PostMortemRequest(String rootCause, String lessons) {
    }

    @PutMapping("/{id}/postmortem")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    @Operation(summary = "Write the post-mortem's root cause and lessons")
    PostMortem savePostMortem(CurrentUser user, @PathVariable UUID id, @RequestBody PostMortemRequest request) {
        return postMortems.write(user.workspaceId(), id, forms.postMortem(request.rootCause(), request.lessons()), user.actor());
    }

    record ActionRequest(String description, String owner, String dueOn) {
    }

    @PostMapping("/{id}/postmortem/actions")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an action item with its owner (a member's email) and due date (YYYY-MM-DD)")
    PostMortem.ActionItem addAction(CurrentUser user, @PathVariable UUID id, @RequestBody ActionRequest request) {
        WorkspaceId workspace = user.workspaceId();
        return postMortems.addAction(workspace, id, forms.action(workspace, request.description(), request.owner(), request.dueOn()),
                user.actor());
    }

    record ActionDone(Boolean done) {
    }

    @PatchMapping("/{id}/postmortem/actions/{actionId}")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    @Operation(summary = "Mark an action item done (or not)")
    ResponseEntity<Void> completeAction(CurrentUser user, @PathVariable UUID id, @PathVariable UUID actionId, @RequestBody ActionDone request) {
        if (request.done() == null) {
            throw new InvalidFieldException("done", "true or false");
        }
        postMortems.completeAction(user.workspaceId(), id, actionId, request.done(), user.actor());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/exercises")
    @RequiresPermission(Permission.INCIDENTS_READ)
    @Operation(summary = "Incident-response exercises, latest first")
    List<Exercise> exercises(CurrentUser user) {
        return exercises.list(user.workspaceId());
    }

    record ExerciseRequest(String heldOn, String scenario, List<String> participants, String findings) {
    }

    @PostMapping("/exercises")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a tabletop or live exercise: heldOn (YYYY-MM-DD), scenario, participants, findings")
    Exercise recordExercise(CurrentUser user, @RequestBody ExerciseRequest request) {
        WorkspaceId workspace = user.workspaceId();
        return exercises.record(workspace, forms.exercise(workspace, request.heldOn(), request.scenario(), request.participants(),
                request.findings()), user.actor());
    }

    record SettingsView(int customerNoticeHours, String timeZone) {
        static SettingsView of(IncidentSettings s) {
            return new SettingsView(s.customerNoticeHours(), s.zone().getId());
        }
    }

    @GetMapping("/settings")
    @RequiresPermission(Permission.INCIDENTS_READ)
    @Operation(summary = "The hours the contracts give to tell customers, and the time zone deadlines in days end in")
    SettingsView settings(CurrentUser user) {
        return SettingsView.of(settings.settings(user.workspaceId()));
    }

    record SettingsRequest(Object customerNoticeHours, String timeZone) {
    }

    @PutMapping("/settings")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    @Operation(summary = "Set customerNoticeHours (1-8760) and timeZone (e.g. Europe/Berlin)")
    SettingsView saveSettings(CurrentUser user, @RequestBody SettingsRequest request) {
        return SettingsView.of(settings.change(user.workspaceId(), forms.settings(
                request.customerNoticeHours() == null ? null : request.customerNoticeHours().toString(), request.timeZone()), user.actor()));
    }
}
