package dev.attest.monitoring.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.monitoring.FindingFilter;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.Severity;
import dev.attest.monitoring.internal.MonitoringForms.CheckForm;
import dev.attest.web.Htmx;
import dev.attest.web.PageForms;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The monitoring overview, checks and their results, the check editor, connections with runs (findings: {@link FindingPages}). */
@Controller
@RequiredArgsConstructor
class MonitoringPages {

    private final CheckDefinitions checks;
    private final EvaluationRun evaluations;
    private final ResultQueries results;
    private final FindingQueries findings;
    private final Connections connections;
    private final RunQueue runs;

    @GetMapping("/monitoring")
    @RequiresPermission(Permission.MONITORING_READ)
    String overview(CurrentUser user, Model model) {
        var workspace = user.workspaceId();
        var evaluations = results.evaluations(workspace, 30);
        var tallies = results.tallies(workspace);
        List<Check> checks = this.checks.checks(workspace);
        model.addAttribute("chart", TrendChart.of(evaluations));
        model.addAttribute("latest", evaluations.isEmpty() ? null : evaluations.get(0));
        model.addAttribute("checks", checks);
        model.addAttribute("tallies", tallies);
        model.addAttribute("failing", checks.stream().filter(c -> tallies.containsKey(c.key()) && tallies.get(c.key()).failed() > 0).count());
        model.addAttribute("passing", checks.stream().filter(c -> tallies.containsKey(c.key()) && tallies.get(c.key()).failed() == 0).count());
        model.addAttribute("idle", checks.stream().filter(c -> !tallies.containsKey(c.key())).count());
        model.addAttribute("openFindings", findings.countFindings(workspace, FindingFilter.open()));
        model.addAttribute("acceptedFindings", findings.countFindings(workspace, FindingFilter.accepted()));
        model.addAttribute("resourceCounts", results.resourceCounts(workspace));
        model.addAttribute("canWrite", user.can(Permission.MONITORING_WRITE));
        return "monitoring/overview";
    }

    @PostMapping("/monitoring/evaluate")
    @RequiresPermission(Permission.MONITORING_WRITE)
    String evaluate(CurrentUser user) {
        evaluations.evaluate(user.workspaceId(), "manual:" + user.actor());
        return "redirect:/monitoring";
    }

    @GetMapping("/monitoring/checks/{key}")
    @RequiresPermission(Permission.MONITORING_READ)
    String check(CurrentUser user, @PathVariable String key, @RequestParam(required = false) String page, Model model) {
        model.addAttribute("check", checks.check(user.workspaceId(), key));
        var tally = results.tallies(user.workspaceId()).get(key);
        int total = tally == null ? 0 : tally.passed() + tally.failed();
        int pages = Math.max(1, (total + RESULTS_PER_PAGE - 1) / RESULTS_PER_PAGE);
        // lenient, as pages are: a page number that is not one shows the first or the last
        int number = Math.min(pages, Math.max(1, page == null || !page.strip().matches("\\d{1,9}") ? 1 : Integer.parseInt(page.strip())));
        model.addAttribute("results", results.results(user.workspaceId(), key, RESULTS_PER_PAGE, (number - 1) * RESULTS_PER_PAGE));
        model.addAttribute("tally", tally);
        model.addAttribute("resultPage", number);
        model.addAttribute("resultPages", pages);
        model.addAttribute("resultTotal", total);
        model.addAttribute("resultFrom", total == 0 ? 0 : (number - 1) * RESULTS_PER_PAGE + 1);
        model.addAttribute("resultTo", Math.min(total, number * RESULTS_PER_PAGE));
        return "monitoring/check";
    }

    /** Results on one page of a check: failures first, then passes by resource id. */
    static final int RESULTS_PER_PAGE = 100;

    @GetMapping("/monitoring/checks/new")
    @RequiresPermission(Permission.MONITORING_WRITE)
    String newCheck(CurrentUser user, Model model) {
        model.addAttribute("form", new CheckForm("", "", "", "medium", "", "", ""));
        prepareEditor(user, model);
        return "monitoring/editor";
    }

    private void prepareEditor(CurrentUser user, Model model) {
        model.addAttribute("severities", Severity.values());
        model.addAttribute("types", checks.resourceTypes(user.workspaceId()));
    }

    @PostMapping("/monitoring/checks")
    @RequiresPermission(Permission.MONITORING_WRITE)
    String saveCheck(CurrentUser user, HttpServletRequest request, Model model, @RequestParam(defaultValue = "save") String action,
                     @RequestParam(required = false) String key, @RequestParam(required = false) String title,
                     @RequestParam(required = false) String resourceType, @RequestParam(required = false) String severity,
                     @RequestParam(required = false) String controls, @RequestParam(required = false) String description,
                     @RequestParam(required = false) String expression) {
        CheckForm form = new CheckForm(key, title, resourceType, severity, controls, description, expression);
        model.addAttribute("form", form);
        prepareEditor(user, model);
        String editor = Htmx.view(request, "monitoring/editor", "editor");
        return PageForms.submit(() -> {
            if ("dry-run".equals(action)) {
                model.addAttribute("dryRun", checks.dryRun(user.workspaceId(), form.draft()));
                return editor;
            }
            Check saved = checks.saveCheck(user.workspaceId(), form.draft(), user.actor());
            if (!Htmx.isHtmx(request)) {
                return "redirect:/monitoring/checks/" + saved.key();
            }
            model.addAttribute("saved", saved);
            return editor;
        }, errors -> {
            model.addAttribute("errors", errors);
            return editor;
        });
    }

    @GetMapping("/monitoring/connections")
    @RequiresPermission(Permission.MONITORING_READ)
    String connectionList(CurrentUser user, HttpServletRequest request, Model model, @RequestParam(required = false) String kind) {
        prepareConnectionForm(user, model, kind, Map.of());
        // the kind chooser asks for the form alone: htmx swaps the fields of the chosen kind
        return Htmx.view(request, "monitoring/connections", "connect");
    }

    private void prepareConnectionForm(CurrentUser user, Model model, String kind, Map<String, String> form) {
        Map<String, String> kinds = connections.targetHints();
        String chosen = kind != null && kinds.containsKey(kind) ? kind : kinds.keySet().iterator().next();
        model.addAttribute("connections", connections.list(user.workspaceId()));
        model.addAttribute("kinds", kinds);
        model.addAttribute("kind", chosen);
        model.addAttribute("targetHint", kinds.get(chosen));
        model.addAttribute("credentials", CredentialField.groups(connections.credentials(chosen)));
        model.addAttribute("canCreate", user.can(Permission.WORKSPACE_ADMIN));
        model.addAttribute("form", form);
    }

    @PostMapping("/monitoring/connections")
    @RequiresPermission(Permission.WORKSPACE_ADMIN) // a connection points the server at a network address: admins only
    String createConnection(CurrentUser user, HttpServletRequest request, Model model, @RequestParam(required = false) String name,
                            @RequestParam(required = false) String kind, @RequestParam(required = false) String target,
                            @RequestParam(required = false) Integer intervalMinutes) throws IOException {
        ConnectionForm given = ConnectionForm.read(request, connections.credentials(kind));
        return PageForms.submit(() -> "redirect:/monitoring/connections/" + connections.create(user.workspaceId(),
                new Connections.Draft(name, kind, target, given.secrets(), intervalMinutes, true), user.actor()).id(), errors -> {
            model.addAttribute("errors", errors);
            prepareConnectionForm(user, model, kind, MonitoringForms.shownBack(given, name, target));
            return "monitoring/connections";
        });
    }

    @GetMapping("/monitoring/connections/{id}")
    @RequiresPermission(Permission.MONITORING_READ)
    String connection(CurrentUser user, HttpServletRequest request, @PathVariable UUID id, Model model) {
        var runs = connections.runs(user.workspaceId(), id, 50);
        model.addAttribute("connection", connections.get(user.workspaceId(), id));
        model.addAttribute("runs", runs);
        model.addAttribute("running", runs.stream().anyMatch(r -> "running".equals(r.status())));
        model.addAttribute("canWrite", user.can(Permission.MONITORING_WRITE));
        model.addAttribute("canTest", user.can(Permission.WORKSPACE_ADMIN));
        model.addAttribute("setup", connections.setup(connections.get(user.workspaceId(), id).kind()));
        model.addAttribute("credentials", CredentialField.groups(connections.credentials(connections.get(user.workspaceId(), id).kind())));
        model.addAttribute("canEdit", user.can(Permission.WORKSPACE_ADMIN));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return Htmx.view(request, "monitoring/connection", "runs");
    }

    @PostMapping("/monitoring/connections/{id}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN) // a connection points the server at a network address: admins only
    String editConnection(CurrentUser user, HttpServletRequest request, @PathVariable UUID id, Model model,
                          @RequestParam(required = false) String name, @RequestParam(required = false) String target,
                          @RequestParam(required = false) Integer intervalMinutes) throws IOException {
        String kind = connections.get(user.workspaceId(), id).kind();
        ConnectionForm given = ConnectionForm.read(request, connections.credentials(kind));
        return PageForms.submit(() -> {
            connections.edit(user.workspaceId(), id, new Connections.Draft(name, kind, target, given.secrets(), intervalMinutes, null),
                    user.actor());
            return "redirect:/monitoring/connections/" + id;
        }, errors -> {
            model.addAttribute("errors", errors);
            model.addAttribute("form", MonitoringForms.shownBack(given, name, target));
            return connection(user, request, id, model);
        });
    }

    @PostMapping("/monitoring/connections/{id}/test")
    @RequiresPermission(Permission.WORKSPACE_ADMIN) // it makes the server reach the target with the stored credentials
    String testConnection(CurrentUser user, HttpServletRequest request, @PathVariable UUID id, Model model) {
        model.addAttribute("test", connections.test(user.workspaceId(), id));
        if (Htmx.isHtmx(request)) {
            return "monitoring/connection :: test";
        }
        return connection(user, request, id, model);
    }

    @PostMapping("/monitoring/connections/{id}/runs")
    @RequiresPermission(Permission.MONITORING_WRITE)
    String runNow(CurrentUser user, HttpServletRequest request, @PathVariable UUID id, Model model) {
        runs.request(user.workspaceId(), id, user.actor());
        if (Htmx.isHtmx(request)) {
            return connection(user, request, id, model);
        }
        return "redirect:/monitoring/connections/" + id;
    }
}
