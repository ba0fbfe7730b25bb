package dev.attest.monitoring.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.monitoring.CheckTally;
import dev.attest.monitoring.FindingFilter;
import dev.attest.identity.CurrentUser;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckDraft;
import dev.attest.monitoring.CheckResult;
import dev.attest.monitoring.Evaluation;
import dev.attest.monitoring.Finding;
import dev.attest.monitoring.FindingEvent;
import dev.attest.monitoring.PastStatus;
import dev.attest.monitoring.Resource;
import dev.attest.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Monitoring", description = "Resources, CEL checks, evaluations and findings")
@RequiredArgsConstructor
class MonitoringApi {

    private final CheckDefinitions checks;
    private final ResourceIntake intake;
    private final EvaluationRun runs;
    private final ResultQueries results;
    private final FindingQueries findings;

    // ---- resources

    @PostMapping("/resources")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Push resources ({resources: [{type, id, data}], source, complete}); all are stored or none, and only new or "
            + "changed ones are evaluated. With complete: true the batch is all this source has of its types: what it sent before and "
            + "not now is retired and its findings closed")
    ResponseEntity<Evaluation> push(CurrentUser user, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = PushRequest.class))) @RequestBody PushBody body) {
        body.refuseIfWrong();
        String label = body.source() != null && !body.source().isBlank() ? "push:" + body.source().strip() : "push";
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(intake.receivePushed(user.workspaceId(), body.resources(), label, user.actor(), Boolean.TRUE.equals(body.complete())));
    }

    /** The push body as the API documents it (read by {@link PushBody} in one pass). */
    record PushRequest(List<Resource> resources, String source, Boolean complete) {
    }

    @DeleteMapping("/resources/{type}/{id}")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Remove one resource: its results go and its open findings close")
    ResponseEntity<Void> deleteResource(CurrentUser user, @PathVariable String type, @PathVariable String id) {
        if (!intake.removeResource(user.workspaceId(), type, id, user.actor())) {
            throw new dev.attest.web.NotFoundException("No resource " + type + "/" + id);
        }
        return ResponseEntity.noContent().build();
    }

    record StoredView(String type, String id, Map<String, Object> data, String source, UUID connectionId, Instant collectedAt) {
    }

    @GetMapping("/resources")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "Stored resources, optionally of one type")
    List<StoredView> resources(CurrentUser user, @RequestParam(required = false) String type,
                               @RequestParam(defaultValue = "200") int limit) {
        return results.resources(user.workspaceId(), type == null || type.isBlank() ? null : type, limit).stream()
                .map(s -> new StoredView(s.resource().type(), s.resource().id(), s.resource().data(), s.source(), s.connectionId(),
                        s.collectedAt()))
                .toList();
    }

    @GetMapping("/resource-types")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "The resource types this workspace accepts")
    Set<String> resourceTypes(CurrentUser user) {
        return checks.resourceTypes(user.workspaceId());
    }

    // ---- checks

    record CheckView(String key, String title, String resourceType, String severity, List<String> controls, String description,
                     String expression, boolean builtIn, Integer passed, Integer failed) {
    }

    private CheckView view(Check c, Map<String, CheckTally> tallies) {
        var t = tallies.get(c.key());
        return new CheckView(c.key(), c.title(), c.resourceType(), c.severity().wireName(), c.controls(), c.description(), c.expression(),
                c.builtIn(), t == null ? null : t.passed(), t == null ? null : t.failed());
    }

    @GetMapping("/checks")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "Built-in and workspace checks with their latest tally")
    List<CheckView> checks(CurrentUser user) {
        var tallies = results.tallies(user.workspaceId());
        return checks.checks(user.workspaceId()).stream().map(c -> view(c, tallies)).toList();
    }

    @GetMapping("/checks/{key}")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "One check")
    CheckView check(CurrentUser user, @PathVariable String key) {
        return view(checks.check(user.workspaceId(), key), results.tallies(user.workspaceId()));
    }

    @GetMapping("/checks/{key}/results")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "The check's latest result per resource, with the values it read; failures first, paged (limit up to 1000)")
    List<CheckResult> results(CurrentUser user, @PathVariable String key, @RequestParam(defaultValue = "1000") int limit,
                              @RequestParam(defaultValue = "0") int offset) {
        return results.results(user.workspaceId(), key, limit, offset);
    }

    @PostMapping("/checks")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Create a check; the expression is compiled and an error names its line and column")
    ResponseEntity<CheckView> create(CurrentUser user, @RequestBody CheckDraft draft) {
        if (draft.key() != null) {
            try {
                checks.check(user.workspaceId(), draft.key().strip());
                throw new InvalidFieldException("key", "a check with this key exists; PUT /api/v1/checks/" + draft.key().strip() + " to change it");
            } catch (dev.attest.web.NotFoundException free) {
                // the key is free
            }
        }
        Check saved = checks.saveCheck(user.workspaceId(), draft, user.actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(saved, Map.of()));
    }

    @PutMapping("/checks/{key}")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Create or replace one of the workspace's checks")
    CheckView put(CurrentUser user, @PathVariable String key, @RequestBody CheckDraft draft) {
        return view(checks.saveCheck(user.workspaceId(), MonitoringForms.keyed(key, draft), user.actor()), results.tallies(user.workspaceId()));
    }

    @DeleteMapping("/checks/{key}")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Delete one of the workspace's checks")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable String key) {
        checks.deleteCheck(user.workspaceId(), key, user.actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/checks/dry-run")
    @RequiresPermission(Permission.MONITORING_WRITE) // runs an expression of the caller's choosing: only for those who may write checks
    @Operation(summary = "Evaluate a draft check against the current resources without saving it")
    List<CheckResult> dryRun(CurrentUser user, @RequestBody CheckDraft draft) {
        return checks.dryRun(user.workspaceId(), draft);
    }

    // ---- evaluations and findings

    @PostMapping("/monitoring/evaluate")
    @RequiresPermission(Permission.MONITORING_WRITE)
    @Operation(summary = "Run every check over the current resources now")
    Evaluation evaluate(CurrentUser user) {
        return runs.evaluate(user.workspaceId(), "manual:" + user.actor());
    }

    @GetMapping("/monitoring/evaluations")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "Evaluations, most recent first")
    List<Evaluation> evaluations(CurrentUser user, @RequestParam(defaultValue = "50") int limit) {
        return results.evaluations(user.workspaceId(), limit);
    }

    @GetMapping("/findings")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "Findings; filters: status (open, accepted: risk-accepted by an approved exception, closed), severity, check, owner, control; paged with limit and offset, "
            + "the total in the X-Total-Count header")
    ResponseEntity<List<Finding>> findings(CurrentUser user, @RequestParam(required = false) String status,
                                           @RequestParam(required = false) String severity, @RequestParam(required = false) String check,
                                           @RequestParam(required = false) String owner, @RequestParam(required = false) String control,
                                           @RequestParam(defaultValue = "200") int limit, @RequestParam(defaultValue = "0") int offset) {
        FindingFilter filter = MonitoringForms.findingFilter(status, severity, check, owner, control);
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(findings.countFindings(user.workspaceId(), filter)))
                .body(findings.findings(user.workspaceId(), filter, limit, offset));
    }

    @GetMapping("/monitoring/status-at")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "The status at a past time (ISO-8601), rebuilt from the results evidence in the ledger: each check's counts, "
            + "and with check or resource, each matching result")
    PastStatus statusAt(CurrentUser user, @RequestParam(required = false) String time, @RequestParam(required = false) String check,
                        @RequestParam(required = false) String resource) {
        Instant at;
        try {
            // checked here rather than by Spring, so that a caller without the permission learns nothing more than 403
            at = Instant.parse(time == null ? "" : time.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidFieldException("time", "an ISO-8601 instant such as 2026-12-06T10:00:00Z");
        }
        return results.statusAt(user.workspaceId(), at, MonitoringForms.blank(check), MonitoringForms.blank(resource));
    }

    record FindingView(Finding finding, List<FindingEvent> history) {
    }

    @GetMapping("/findings/{id}")
    @RequiresPermission(Permission.MONITORING_READ)
    @Operation(summary = "One finding with its history (opened, closed, reopened)")
    FindingView finding(CurrentUser user, @PathVariable UUID id) {
        return new FindingView(findings.finding(user.workspaceId(), id), findings.findingHistory(user.workspaceId(), id));
    }
}
