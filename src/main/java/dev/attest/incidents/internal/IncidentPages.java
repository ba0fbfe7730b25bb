package dev.attest.incidents.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.incidents.BreachRisk;
import dev.attest.incidents.DataCategory;
import dev.attest.incidents.Incident;
import dev.attest.incidents.IncidentSettings;
import dev.attest.incidents.IncidentStatus;
import dev.attest.incidents.NotificationClock;
import dev.attest.incidents.Severity;
import dev.attest.web.WireName;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The incident list, the report form and an incident's page (triage, timeline, breach clocks, post-mortem). */
@Controller
@RequiredArgsConstructor
class IncidentPages {

    private final Triage triage;
    private final BreachClocks breachClocks;
    private final PostMortems postMortems;
    private final NoticeSettings settings;
    private final IncidentForms forms;
    private final WorkspaceMembers members;
    private final Clock clock;

    private Shown times(CurrentUser user) {
        return new Shown(settings.settings(user.workspaceId()).zone());
    }

    /** Shows instants in the workspace's zone, and fills datetime-local fields. */
    record Shown(ZoneId zone) {
        private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);
        private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

        public String at(Instant instant) {
            return instant == null ? "" : TEXT.format(instant.atZone(zone));
        }

        public String field(Instant instant) {
            return instant == null ? "" : FIELD.format(instant.atZone(zone));
        }
    }

    /** A clock as the page shows it: its state in words and a class for its colour. */
    record ClockRow(NotificationClock clock, String state) {
    }

    @GetMapping("/incidents")
    @RequiresPermission(Permission.INCIDENTS_READ)
    String list(CurrentUser user, HttpServletRequest request, Model model, @RequestParam(required = false) String status) {
        var clocks = breachClocks.allClocks(user.workspaceId());
        Instant now = clock.instant();
        List<Incident> all = triage.list(user.workspaceId());
        model.addAttribute("incidents", all.stream()
                .filter(i -> status == null || status.isBlank() || i.status().wireName().equals(status)).toList());
        Map<UUID, Long> open = new LinkedHashMap<>();
        Map<UUID, Long> overdue = new LinkedHashMap<>();
        clocks.forEach((id, list) -> {
            open.put(id, list.stream().filter(NotificationClock::open).count());
            overdue.put(id, list.stream().filter(c -> c.overdue(now)).count());
        });
        model.addAttribute("openClocks", open);
        model.addAttribute("overdueClocks", overdue);
        model.addAttribute("status", status);
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("times", times(user));
        model.addAttribute("canManage", user.can(Permission.INCIDENTS_MANAGE));
        return Htmx.view(request, "incidents/list", "results");
    }

    @GetMapping("/incidents/report")
    @RequiresPermission(Permission.INCIDENTS_REPORT)
    String reportForm(CurrentUser user, Model model) {
        model.addAttribute("times", times(user));
        return "incidents/report";
    }

    @PostMapping("/incidents/report")
    @RequiresPermission(Permission.INCIDENTS_REPORT)
    String report(CurrentUser user, Model model, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String description, @RequestParam(required = false) String discoveredAt,
                  @RequestParam(required = false) String systems) {
        try {
            Incident incident = triage.report(user.workspaceId(),
                    forms.report(user.workspaceId(), title, description, discoveredAt, lines(systems)), user.actor());
            if (user.can(Permission.INCIDENTS_READ)) {
                return "redirect:/incidents/" + incident.id();
            }
            model.addAttribute("reported", incident);
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("form", Map.of("title", nz(title), "description", nz(description), "discoveredAt", nz(discoveredAt),
                    "systems", nz(systems)));
        }
        model.addAttribute("times", times(user));
        return "incidents/report";
    }

    @GetMapping("/incidents/{id}")
    @RequiresPermission(Permission.INCIDENTS_READ)
    String incident(CurrentUser user, @PathVariable UUID id, Model model) {
        prepare(user, id, model);
        return "incidents/incident";
    }

    private void prepare(CurrentUser user, UUID id, Model model) {
        Incident incident = triage.get(user.workspaceId(), id);
        IncidentSettings workspaceSettings = settings.settings(user.workspaceId());
        Instant now = clock.instant();
        model.addAttribute("incident", incident);
        if (!model.containsAttribute("triage")) {
            model.addAttribute("triage", TriageForm.of(incident));
        }
        model.addAttribute("timeline", triage.timeline(user.workspaceId(), id));
        model.addAttribute("clocks", breachClocks.clocks(user.workspaceId(), id).stream()
                .map(c -> new ClockRow(c, c.open() ? (c.overdue(now) ? "overdue" : "open") : (c.onTime() ? "sent" : "sent_late"))).toList());
        model.addAttribute("postMortem", postMortems.postMortem(user.workspaceId(), id));
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("categories", DataCategory.values());
        model.addAttribute("risks", BreachRisk.values());
        model.addAttribute("times", new Shown(workspaceSettings.zone()));
        model.addAttribute("canManage", user.can(Permission.INCIDENTS_MANAGE));
    }

    /** The triage form as typed. */
    record TriageForm(String title, String description, String discoveredAt, String severity, String status, String lead,
                      List<String> data, String systems, String customers, String individualsAffected, String residentsByState) {

        static TriageForm of(Incident i) {
            return new TriageForm(i.title(), i.description(), null, WireName.of(i.severity()), WireName.of(i.status()), i.lead(),
                    i.data().stream().map(WireName::of).sorted().toList(), String.join("\n", i.systems()), String.join("\n", i.customers()),
                    // An unknown count shows as an empty field, not a 0 that typing appends to (1200 became 12000).
                    i.individualsAffected() == 0 ? "" : String.valueOf(i.individualsAffected()),
                    String.join(", ", new java.util.TreeMap<>(i.residentsByState()).entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
    }

    @PostMapping("/incidents/{id}")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    String triage(CurrentUser user, @PathVariable UUID id, Model model, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String description, @RequestParam(required = false) String discoveredAt,
                  @RequestParam(required = false) String severity, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String lead, @RequestParam(required = false) List<String> data,
                  @RequestParam(required = false) String systems, @RequestParam(required = false) String customers,
                  @RequestParam(required = false) String individualsAffected, @RequestParam(required = false) String residentsByState) {
        TriageForm form = new TriageForm(title, description, discoveredAt, severity, status, lead, data == null ? List.of() : data,
                systems, customers, individualsAffected, residentsByState);
        try {
            Map<String, String> states = new LinkedHashMap<>();
            for (String pair : lines(residentsByState == null ? "" : residentsByState.replace(',', '\n'))) {
                String[] kv = pair.split("=", 2);
                // A pair without a count is passed on whole, so that the service names it with the other errors.
                states.put(kv[0].strip(), kv.length == 2 ? kv[1].strip() : "0");
            }
            WorkspaceId workspace = user.workspaceId();
            triage.triage(workspace, id, forms.triage(workspace, title, description, discoveredAt, severity, status, lead,
                    form.data(), lines(systems), lines(customers), individualsAffected, states), user.actor());
            return "redirect:/incidents/" + id;
        } catch (InvalidFieldException e) {
            model.addAttribute("triageErrors", e.errors());
            model.addAttribute("triage", form);
            prepare(user, id, model);
            return "incidents/incident";
        }
    }

    @PostMapping("/incidents/{id}/timeline")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    String addToTimeline(CurrentUser user, @PathVariable UUID id, Model model, @RequestParam(required = false) String at,
                         @RequestParam(required = false) String entry) {
        return act(user, id, model, "timelineErrors", () -> triage.addToTimeline(user.workspaceId(), id,
                forms.timelineEntry(user.workspaceId(), at, entry), user.actor()));
    }

    @PostMapping("/incidents/{id}/breach")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    String determineBreach(CurrentUser user, @PathVariable UUID id, Model model, @RequestParam(required = false) String risk,
                           @RequestParam(required = false) String awareAt) {
        return act(user, id, model, "breachErrors", () -> breachClocks.determine(user.workspaceId(), id,
                forms.breach(user.workspaceId(), risk, awareAt), user.actor()));
    }

    @PostMapping("/incidents/{id}/notifications/{key}")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    String recordNotification(CurrentUser user, @PathVariable UUID id, @PathVariable String key, HttpServletRequest request,
                              Model model, @RequestParam(required = false) String sentAt, @RequestParam(required = false) String evidence) {
        try {
            breachClocks.record(user.workspaceId(), id, key, forms.notification(user.workspaceId(), sentAt, evidence), user.actor());
            model.addAttribute("notified", key);
        } catch (InvalidFieldException e) {
            model.addAttribute("notifyError", String.join("; ", e.errors().values()));
            model.addAttribute("notifyKey", key);
        }
        prepare(user, id, model);
        if (Htmx.isHtmx(request)) {
            return "incidents/incident :: clocks";
        }
        return model.containsAttribute("notifyError") ? "incidents/incident" : "redirect:/incidents/" + id;
    }

    @PostMapping("/incidents/{id}/postmortem")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    String savePostMortem(CurrentUser user, @PathVariable UUID id, Model model, @RequestParam(required = false) String rootCause,
                          @RequestParam(required = false) String lessons) {
        return act(user, id, model, "pmErrors", () -> postMortems.write(user.workspaceId(), id,
                forms.postMortem(rootCause, lessons), user.actor()));
    }

    @PostMapping("/incidents/{id}/actions")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    String addAction(CurrentUser user, @PathVariable UUID id, Model model, @RequestParam(required = false) String description,
                     @RequestParam(required = false) String owner, @RequestParam(required = false) String dueOn) {
        return act(user, id, model, "actionErrors", () -> postMortems.addAction(user.workspaceId(), id,
                forms.action(user.workspaceId(), description, owner, dueOn), user.actor()));
    }

    @PostMapping("/incidents/{id}/actions/{actionId}")
    @RequiresPermission(Permission.INCIDENTS_MANAGE)
    String completeAction(CurrentUser user, @PathVariable UUID id, @PathVariable UUID actionId,
                          @RequestParam(defaultValue = "true") boolean done) {
        postMortems.completeAction(user.workspaceId(), id, actionId, done, user.actor());
        return "redirect:/incidents/" + id + "#postmortem";
    }

    /** Runs a change from one of the page's forms: back to the page, or the page with that form's errors. */
    private String act(CurrentUser user, UUID id, Model model, String errorsName, Runnable change) {
        try {
            change.run();
            return "redirect:/incidents/" + id;
        } catch (InvalidFieldException e) {
            model.addAttribute(errorsName, e.errors());
            prepare(user, id, model);
            return "incidents/incident";
        }
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String nz(String value) {
        return value == null ? "" : value;
    }
}
