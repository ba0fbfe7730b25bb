package dev.attest.monitoring.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.monitoring.AssignFinding;
import dev.attest.monitoring.BulkFindingAction;
import dev.attest.monitoring.CommentOnFinding;
import dev.attest.monitoring.FindingEvent;
import dev.attest.monitoring.LinkTicket;
import dev.attest.monitoring.RequestRiskAcceptance;
import dev.attest.monitoring.Severity;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.TableQuery;
import dev.attest.web.WireName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Working findings over the API: the worklist, assignment, comments, tickets, risk acceptance, bulk actions, CSV. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Findings work", description = "Assign, comment, link tickets, accept risk until an expiry, in bulk; the worklist and its CSV")
@RequiredArgsConstructor
class FindingWorkApi {

    private final FindingWork work;
    private final FindingQueries queries;

    /** One page of the worklist with its counts. */
    record WorkPage(List<WorkedFinding> items, long total, int page, int pages, int size, String sort, String dir) {
    }

    @GetMapping("/findings/worklist")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "Findings with their state (open, accepted, closed), assignee, ticket and exception; filters: status, severity, "
            + "check, responsible, control, exceptions=true, overdue=true (open and past due); "
            + "sort by due, opened, severity, check, resource, responsible, state, expires; "
            + "dir asc or desc; page from 1, size up to 500. An unknown sort column or a page past the last is a 400")
    WorkPage worklist(CurrentUser user, @RequestParam Map<String, String> params, @RequestParam(required = false) Integer page,
                      @RequestParam(required = false) Integer size) {
        FindingWorkStore.Filter filter = filter(params);
        TableQuery query = TableQuery.strict(params.get("sort"), params.get("dir"), page, size, FindingWorkStore.SORTS.keySet(), "due", false);
        long total = work.count(user.workspaceId(), filter);
        query.requireWithin(total);
        return new WorkPage(work.page(user.workspaceId(), filter, query), total, query.page(), query.pages(total), query.size(),
                query.sort(), query.sqlDirection());
    }

    @GetMapping("/findings/export")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "The worklist as CSV, with the same filters and sort (at most 100,000 rows)")
    void export(CurrentUser user, @RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        FindingWorkStore.Filter filter = filter(params);
        TableQuery query = TableQuery.strict(params.get("sort"), params.get("dir"), null, null, FindingWorkStore.SORTS.keySet(), "due", false);
        writeCsv(work, user, filter, query, response);
    }

    /** The finding's work with its fix guidance and history. */
    record WorkView(WorkedFinding finding, String guidance, List<FindingEvent> history) {
    }

    @GetMapping("/findings/{id}/work")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "One finding with its state, assignee, ticket, exception, fix guidance (its check's description) and history")
    WorkView view(CurrentUser user, @PathVariable UUID id) {
        return view(user, work.get(user.workspaceId(), id));
    }

    @PostMapping("/findings/{id}/assignee")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Assign the finding to a member by email; a blank assignee gives it back to its control's owner")
    WorkView assign(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) AssignFinding body) {
        return view(user, work.assign(user, id, body));
    }

    @PostMapping("/findings/{id}/comments")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Comment on the finding (up to 900 characters); the comment goes into its history")
    WorkView comment(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) CommentOnFinding body) {
        return view(user, work.comment(user, id, body));
    }

    @PostMapping("/findings/{id}/ticket")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Link the ticket that tracks the fix (an http or https URL)")
    WorkView ticket(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) LinkTicket body) {
        return view(user, work.linkTicket(user, id, body));
    }

    @PostMapping("/findings/{id}/acceptance")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Request that an open finding's risk be accepted: reason, approver (a member other than you), expiresOn (a date "
            + "after today, at most 365 days ahead)")
    WorkView requestAcceptance(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) RequestRiskAcceptance body) {
        return view(user, work.requestAcceptance(user, id, body));
    }

    @PostMapping("/findings/{id}/acceptance/approval")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Approve the requested exception; only the approver it names can")
    WorkView approve(CurrentUser user, @PathVariable UUID id) {
        return view(user, work.approve(user, id));
    }

    record BulkResult(int changed) {
    }

    @PostMapping("/findings/bulk")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "One action over up to 500 findings, all or none: assign (assignee), comment (text), accept (reason, approver, "
            + "expiresOn)")
    BulkResult bulk(CurrentUser user, @RequestBody(required = false) BulkFindingAction body) {
        return new BulkResult(work.bulk(user, body));
    }

    @GetMapping("/finding-exceptions")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "Findings with a risk-acceptance exception, requested or approved, soonest expiry first")
    List<WorkedFinding> exceptions(CurrentUser user) {
        FindingWorkStore.Filter filter = new FindingWorkStore.Filter(null, null, null, null, null, true, null);
        return work.page(user.workspaceId(), filter, new TableQuery("expires", false, 1, TableQuery.MAX_SIZE));
    }

    private WorkView view(CurrentUser user, WorkedFinding finding) {
        return new WorkView(finding, work.guidance(user.workspaceId(), finding.finding().checkKey()),
                queries.findingHistory(user.workspaceId(), finding.finding().id()));
    }

    static void writeCsv(FindingWork work, CurrentUser user, FindingWorkStore.Filter filter, TableQuery query, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"findings.csv\"");
        StringBuilder out = new StringBuilder();
        work.csv(user.workspaceId(), filter, query, out, 100_000);
        response.getWriter().write(out.toString());
    }

    /** The worklist's filters from request parameters, refusing values that name nothing. */
    static FindingWorkStore.Filter filter(Map<String, String> params) {
        String state = blank(params.get("status"));
        if (state != null && !FindingWorkStore.Filter.STATES.contains(state)) {
            throw new InvalidFieldException("status", "one of open, accepted, closed");
        }
        String severity = blank(params.get("severity"));
        Severity parsed = severity == null ? null : WireName.parse(Severity.class, severity).orElseThrow(() ->
                new InvalidFieldException("severity", "'" + severity + "' is not one of " + WireName.allowed(Severity.class)));
        String exceptions = blank(params.get("exceptions"));
        String overdue = blank(params.get("overdue"));
        if (overdue != null && !Set.of("true", "false").contains(overdue)) {
            throw new InvalidFieldException("overdue", "true or false");
        }
        return new FindingWorkStore.Filter(state, parsed, blank(params.get("check")), blank(params.get("responsible")),
                blank(params.get("control")), "true".equals(exceptions) ? Boolean.TRUE : null, "true".equals(overdue) ? Boolean.TRUE : null);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
