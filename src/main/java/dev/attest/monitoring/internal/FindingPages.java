package dev.attest.monitoring.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.monitoring.AssignFinding;
import dev.attest.monitoring.BulkFindingAction;
import dev.attest.monitoring.CommentOnFinding;
import dev.attest.monitoring.LinkTicket;
import dev.attest.monitoring.RequestRiskAcceptance;
import dev.attest.monitoring.Severity;
import dev.attest.web.Htmx;
import dev.attest.web.PageForms;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.TablePage;
import dev.attest.web.TableQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** The findings pages: the sortable, paged worklist with bulk actions and CSV, the exceptions, and one finding worked. */
@Controller
@RequiredArgsConstructor
class FindingPages {

    private static final List<String> FILTERS = List.of("status", "severity", "check", "responsible", "control", "overdue");

    private final FindingWork work;
    private final FindingQueries queries;
    private final WorkspaceMembers members;

    @GetMapping("/monitoring/findings")
    @RequiresPermission(Permission.MONITORING_READ)
    String findings(CurrentUser user, HttpServletRequest request, Model model, @RequestParam Map<String, String> params) {
        return results(user, request, model, params);
    }

    private void listModel(CurrentUser user, Model model, Map<String, String> params) {
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(f -> filters.put(f, params.get(f)));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("filter", filters);
        model.addAttribute("canWrite", user.can(Permission.MONITORING_WRITE));
        FindingWorkStore.Filter filter;
        try {
            filter = FindingWorkApi.filter(params);
        } catch (InvalidFieldException e) {
            model.addAttribute("filterErrors", e.errors());
            filter = FindingWorkStore.Filter.none();
            filters.replaceAll((k, v) -> null); // keys stay: the template reads each filter by name
        }
        TableQuery query = TableQuery.lenient(params.get("sort"), params.get("dir"), params.get("page"), FindingWorkStore.SORTS.keySet(),
                "due", false);
        long total = work.count(user.workspaceId(), filter);
        query = query.within(total);
        model.addAttribute("table", new TablePage<>(work.page(user.workspaceId(), filter, query), total, query, "/monitoring/findings", filters));
        model.addAttribute("anyFinding", total > 0 || work.count(user.workspaceId(), FindingWorkStore.Filter.none()) > 0);
    }

    @GetMapping("/monitoring/findings/export")
    @RequiresPermission(Permission.MONITORING_READ)
    void export(CurrentUser user, @RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        FindingWorkStore.Filter filter;
        try {
            filter = FindingWorkApi.filter(params);
        } catch (InvalidFieldException e) {
            filter = FindingWorkStore.Filter.none();
        }
        TableQuery query = TableQuery.lenient(params.get("sort"), params.get("dir"), null, FindingWorkStore.SORTS.keySet(), "due", false);
        FindingWorkApi.writeCsv(work, user, filter, query, response);
    }

    @GetMapping("/monitoring/exceptions")
    @RequiresPermission(Permission.MONITORING_READ)
    String exceptions(CurrentUser user, Model model, @RequestParam Map<String, String> params) {
        FindingWorkStore.Filter filter = new FindingWorkStore.Filter(null, null, null, null, null, true, null);
        TableQuery query = TableQuery.lenient(params.get("sort"), params.get("dir"), params.get("page"), FindingWorkStore.SORTS.keySet(),
                "expires", false);
        long total = work.count(user.workspaceId(), filter);
        query = query.within(total);
        model.addAttribute("table", new TablePage<>(work.page(user.workspaceId(), filter, query), total, query, "/monitoring/exceptions",
                Map.of()));
        return "monitoring/exceptions";
    }

    @PostMapping("/monitoring/findings/bulk")
    @RequiresPermission(Permission.MONITORING_WRITE)
    String bulk(CurrentUser user, HttpServletRequest request, Model model, @RequestParam Map<String, String> params,
                @RequestParam(name = "ids", required = false) List<String> ids) {
        return PageForms.submit(() -> {
            List<UUID> parsed = new ArrayList<>();
            for (String id : ids == null ? List.<String>of() : ids) {
                parsed.add(uuid(id));
            }
            int changed = work.bulk(user, new BulkFindingAction(parsed, params.get("action"), params.get("assignee"), params.get("text"),
                    params.get("reason"), params.get("approver"), params.get("expiresOn")));
            model.addAttribute("bulkDone", changed + (changed == 1 ? " finding changed" : " findings changed"));
            return results(user, request, model, params);
        }, errors -> {
            model.addAttribute("bulkErrors", errors);
            model.addAttribute("bulkForm", params);
            return results(user, request, model, params);
        });
    }

    private String results(CurrentUser user, HttpServletRequest request, Model model, Map<String, String> params) {
        listModel(user, model, params);
        return Htmx.view(request, "monitoring/findings", "results");
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("ids", "'" + id + "' is not a finding id");
        }
    }

    @GetMapping("/monitoring/findings/{id}")
    @RequiresPermission(Permission.MONITORING_READ)
    String finding(CurrentUser user, @PathVariable UUID id, Model model) {
        detailModel(user, id, model);
        return "monitoring/finding";
    }

    @PostMapping("/monitoring/findings/{id}/assign")
    @RequiresPermission(Permission.MONITORING_WRITE)
    String assign(CurrentUser user, @PathVariable UUID id, Model model, @RequestParam Map<String, String> form) {
        return act(user, id, model, form, () -> work.assign(user, id, new AssignFinding(form.get("assignee"))));
    }

    @PostMapping("/monitoring/findings/{id}/comment")
    @RequiresPermission(Permission.MONITORING_WRITE)
    String comment(CurrentUser user, @PathVariable UUID id, Model model, @RequestParam Map<String, String> form) {
        return act(user, id, model, form, () -> work.comment(user, id, new CommentOnFinding(form.get("text"))));
    }

    @PostMapping("/monitoring/findings/{id}/ticket")
    @RequiresPermission(Permission.MONITORING_WRITE)
    String ticket(CurrentUser user, @PathVariable UUID id, Model model, @RequestParam Map<String, String> form) {
        return act(user, id, model, form, () -> work.linkTicket(user, id, new LinkTicket(form.get("ticketUrl"))));
    }

    @PostMapping("/monitoring/findings/{id}/acceptance")
    @RequiresPermission(Permission.MONITORING_WRITE)
    String requestAcceptance(CurrentUser user, @PathVariable UUID id, Model model, @RequestParam Map<String, String> form) {
        return act(user, id, model, form, () -> work.requestAcceptance(user, id,
                new RequestRiskAcceptance(form.get("reason"), form.get("approver"), form.get("expiresOn"))));
    }

    @PostMapping("/monitoring/findings/{id}/approval")
    @RequiresPermission(Permission.MONITORING_WRITE)
    String approve(CurrentUser user, @PathVariable UUID id, Model model) {
        return act(user, id, model, Map.of(), () -> work.approve(user, id));
    }

    /** Runs one change: back to the finding on success, or the page again with the form as typed and its field errors. */
    private String act(CurrentUser user, UUID id, Model model, Map<String, String> form, Supplier<WorkedFinding> change) {
        return PageForms.submit(() -> {
            change.get();
            return "redirect:/monitoring/findings/" + id;
        }, errors -> {
            model.addAttribute("errors", errors);
            model.addAttribute("form", form);
            detailModel(user, id, model);
            return "monitoring/finding";
        });
    }

    private void detailModel(CurrentUser user, UUID id, Model model) {
        WorkedFinding worked = work.get(user.workspaceId(), id);
        model.addAttribute("worked", worked);
        model.addAttribute("finding", worked.finding());
        model.addAttribute("guidance", work.guidance(user.workspaceId(), worked.finding().checkKey()));
        model.addAttribute("history", queries.findingHistory(user.workspaceId(), id));
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("canWrite", user.can(Permission.MONITORING_WRITE));
        model.addAttribute("canApprove", worked.exception() != null && !worked.exception().approved()
                && worked.exception().approver().equalsIgnoreCase(user.email()) && user.can(Permission.MONITORING_WRITE));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }
}
