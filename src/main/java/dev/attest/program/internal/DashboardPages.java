package dev.attest.program.internal;

import dev.attest.catalog.Catalog;
import dev.attest.controls.ControlStatus;
import dev.attest.controls.ImplementationStatus;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.monitoring.FindingFilter;
import dev.attest.monitoring.Monitoring;
import dev.attest.monitoring.Severity;
import dev.attest.obligations.CalendarEntry;
import dev.attest.obligations.ObligationCalendar;
import dev.attest.people.People;
import dev.attest.policies.Policies;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard: the day's work of the compliance program. Every figure is counted by the module that owns
 * it and links to the list it counts, narrowed the same way.
 */
@Controller
@RequiredArgsConstructor
class DashboardPages {

    static final int TREND_DAYS = 90;

    /** A figure of the "overdue" or "your tasks" panels: what it counts, how many, and the list behind it. */
    record Figure(String label, long count, String href) {
    }

    private final Catalog catalog;
    private final WorkspaceControls controls;
    private final Monitoring monitoring;
    private final ObligationCalendar obligations;
    private final Policies policies;
    private final People people;
    private final ProgramStore store;
    private final SetupChecklist setup;
    private final Clock clock;

    // Everyone signed in lands here; people who do not run the program (employees) go to their own tasks.
    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String dashboard(CurrentUser user, Model model) {
        if (!user.can(Permission.CONTROLS_READ)) {
            return "redirect:/portal";
        }
        var workspace = user.workspaceId();
        if (user.can(Permission.WORKSPACE_ADMIN) && !setup.dismissed(workspace)) {
            model.addAttribute("setup", setup.progress(user));
        }
        var overview = controls.overview(workspace);
        var adopted = overview.readiness().stream().map(r -> r.framework()).toList();
        LocalDate today = LocalDate.now(clock);
        store.recordReadiness(workspace, today, overview.readiness());
        model.addAttribute("readiness", overview.readiness());
        model.addAttribute("trends", ReadinessTrend.of(store.readinessSince(workspace, today.minusDays(TREND_DAYS - 1)), today, TREND_DAYS));
        model.addAttribute("canSetUp", user.can(Permission.WORKSPACE_ADMIN));
        model.addAttribute("notAdopted", catalog.frameworks().stream().filter(f -> !adopted.contains(f.id())).toList());

        var states = overview.states().values();
        Map<ImplementationStatus, Long> byStatus = new EnumMap<>(ImplementationStatus.class);
        for (ImplementationStatus s : ImplementationStatus.values()) {
            byStatus.put(s, states.stream().filter(c -> c.status() == s).count());
        }
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("controlCount", states.size());
        Map<ControlStatus, Long> byTest = new EnumMap<>(ControlStatus.class);
        for (ControlStatus s : ControlStatus.values()) {
            byTest.put(s, overview.statuses().values().stream().filter(c -> c == s).count());
        }
        model.addAttribute("byTest", byTest);
        model.addAttribute("unowned", states.stream().filter(c -> c.owner() == null).count());

        if (user.can(Permission.MONITORING_READ)) {
            model.addAttribute("failingChecks", monitoring.tallies(workspace).values().stream().filter(t -> t.failed() > 0).count());
            model.addAttribute("findingsBySeverity", monitoring.countFindingsBySeverity(workspace, FindingFilter.open()));
            model.addAttribute("acceptedFindings", monitoring.countFindings(workspace, FindingFilter.accepted()));
            model.addAttribute("myFindings", monitoring.countFindings(workspace, FindingFilter.open().withOwner(user.email())));
        }

        List<CalendarEntry> calendar = user.can(Permission.OBLIGATIONS_READ) ? obligations.entries(workspace) : List.of();
        Map<String, Long> overdue = new LinkedHashMap<>();
        calendar.stream().filter(CalendarEntry::overdue)
                .forEach(e -> overdue.merge(e.obligation().kind(), 1L, Long::sum));
        List<Figure> overdueFigures = new ArrayList<>();
        long overdueFindings = user.can(Permission.MONITORING_READ) ? monitoring.countOverdueFindings(workspace) : 0;
        if (overdueFindings > 0) {
            overdueFigures.add(new Figure(overdueFindings == 1 ? "Finding past due" : "Findings past due", overdueFindings,
                    "/monitoring/findings?status=open&overdue=true"));
        }
        overdue.forEach((kind, n) -> overdueFigures.add(new Figure(kindLabel(kind), n, "/obligations?state=overdue&kind=" + kind)));
        model.addAttribute("overdue", overdueFigures);
        model.addAttribute("nextAudit", calendar.stream()
                .filter(e -> !e.overdue() && e.obligation().kind().startsWith("audit-") && !e.obligation().kind().equals("audit-request"))
                .findFirst().orElse(null));

        if (user.can(Permission.POLICIES_READ)) {
            model.addAttribute("acceptance", policies.acceptanceTotal(workspace));
        }
        if (user.can(Permission.PEOPLE_READ)) {
            var compliance = people.compliance(workspace);
            model.addAttribute("peopleTotal", compliance.people());
            model.addAttribute("peopleCompliant", (long) compliance.compliant());
            model.addAttribute("peopleOverdue", (long) compliance.withOverdue());
        }

        List<Figure> mine = new ArrayList<>();
        long myOverdue = calendar.stream().filter(e -> e.overdue() && user.email().equalsIgnoreCase(e.obligation().owner())).count();
        long myDue = calendar.stream().filter(e -> user.email().equalsIgnoreCase(e.obligation().owner())).count();
        if (user.can(Permission.OBLIGATIONS_READ)) {
            mine.add(new Figure("obligations of yours, " + myOverdue + " overdue", myDue, "/obligations?show=mine"));
        }
        if (model.containsAttribute("myFindings")) {
            mine.add(new Figure("open findings you own", (Long) model.getAttribute("myFindings"),
                    "/monitoring/findings?status=open&owner=" + java.net.URLEncoder.encode(user.email(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        long myControls = states.stream().filter(c -> user.email().equalsIgnoreCase(c.owner()) && c.status() == ImplementationStatus.NOT_STARTED).count();
        mine.add(new Figure("controls you own not started", myControls,
                "/controls?status=not_started&owner=" + java.net.URLEncoder.encode(user.email(), java.nio.charset.StandardCharsets.UTF_8)));
        model.addAttribute("mine", mine);
        return "program/dashboard";
    }

    /** "policy-review" reads "Policy review". */
    static String kindLabel(String kind) {
        String words = kind.replace('-', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
