package dev.attest.controls.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.RequirementRef;
import dev.attest.controls.AdoptedFramework;
import dev.attest.controls.ControlChange;
import dev.attest.controls.ControlFilter;
import dev.attest.controls.ControlHistory;
import dev.attest.controls.ControlState;
import dev.attest.controls.FrameworkReadiness;
import dev.attest.identity.CurrentUser;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.TableQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Controls", description = "The workspace's controls, framework adoption and readiness")
@RequiredArgsConstructor
class ControlsApi {

    private final ControlLibrary library;
    private final Adoptions adoptions;
    private final ControlEdits edits;
    private final ControlReadiness readiness;
    private final ControlProofs proofs;
    private final ControlForms forms;
    private final ControlBulk bulk;

    record BulkResult(int changed) {
    }

    /** The bulk change as sent: {@code owner} (a member's email, or "none" to clear it) and/or {@code status}. */
    record ChangeControls(List<String> keys, String owner, String status, String justification) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/controls/bulk")
    @RequiresPermission(Permission.CONTROLS_WRITE)
    @Operation(summary = "Change the owner (an email, or none) and/or the status of up to 500 controls at once, all or none; "
            + "justification goes with not_applicable")
    BulkResult bulk(CurrentUser user, @RequestBody(required = false) ChangeControls body) {
        if (body == null) {
            throw new InvalidFieldException("body", "is required");
        }
        return new BulkResult(bulk.apply(user, forms.bulk(body.keys(), body.owner(), body.status(), body.justification())));
    }

    record ControlView(String key, String name, String domain, String status, String testStatus, String owner, List<RequirementRef> requirements,
                       String description, String frequency, List<String> evidence, String justification, String notes,
                       Instant updatedAt, String updatedBy, String statusReason,
                       List<dev.attest.controls.ControlProof.Monitor> monitors, List<dev.attest.controls.ControlProof.Evidence> linkedEvidence) {
    }

    private ControlView view(ControlState s, dev.attest.controls.ControlStatus testStatus) {
        var c = s.control();
        return new ControlView(c.key().value(), c.name(), c.domain(), s.status().wireName(),
                testStatus.wireName(), s.owner(), library.requirementsOf(c),
                c.description(), c.frequency().wireName(), c.evidence().stream().map(e -> e.wireName()).toList(),
                s.justification(), s.notes(), s.updatedAt(), s.updatedBy(), null, null, null);
    }

    /** One page of the library with its counts, the shape the findings worklist answers with too. */
    record ControlPage(List<ControlView> items, long total, int page, int pages, int size, String sort, String dir) {
    }

    @GetMapping("/controls")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "The control library as this workspace runs it; filters: domain, framework, status, owner (an email or 'none'), q",
            description = "Without page, size, sort or dir the answer is every matching control as a JSON array, by key, as it always was. "
                    + "With any of them it is one page in an envelope {items, total, page, pages, size, sort, dir}: sort by key, name, "
                    + "domain, status or owner; dir asc or desc; page from 1; size from 1 to 500 (50 when not given). "
                    + "An unknown sort column or direction, a page below 1 or past the last, or a size out of range is a 400 naming the field.")
    Object list(CurrentUser user, @RequestParam(required = false) String domain,
                @RequestParam(required = false) String framework, @RequestParam(required = false) String status,
                @RequestParam(required = false) String owner, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ControlFilter filter = forms.filter(domain, framework, status, owner, q);
        boolean paged = sort != null || dir != null || page != null || size != null;
        TableQuery query = paged ? TableQuery.strict(sort, dir, page, size, ControlTable.SORTS.keySet(), "key", false) : null;
        var statuses = readiness.statuses(user.workspaceId());
        List<ControlState> states = library.list(user.workspaceId(), filter);
        if (!paged) {
            return states.stream().map(s -> view(s, statuses.get(s.control().key()))).toList();
        }
        query.requireWithin(states.size());
        List<ControlView> items = ControlTable.page(ControlTable.sorted(states, query), query).stream()
                .map(s -> view(s, statuses.get(s.control().key()))).toList();
        return new ControlPage(items, states.size(), query.page(), query.pages(states.size()), query.size(), query.sort(), query.sqlDirection());
    }

    @GetMapping("/controls/{key}")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "One control with its mapped requirements across all frameworks, its status with the reason, "
            + "its monitors and the evidence linked to it (newest first)")
    ControlView get(CurrentUser user, @PathVariable String key) {
        ControlView v = view(library.get(user.workspaceId(), key), readiness.status(user.workspaceId(), key));
        var monitors = proofs.monitors(user.workspaceId(), key);
        var verdict = readiness.verdict(user.workspaceId(), key);
        return new ControlView(v.key(), v.name(), v.domain(), v.status(), v.testStatus(), v.owner(), v.requirements(), v.description(),
                v.frequency(), v.evidence(), v.justification(), v.notes(), v.updatedAt(), v.updatedBy(), verdict.reason(), monitors,
                proofs.evidence(user.workspaceId(), key, 20));
    }

    @GetMapping("/controls/{key}/history")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "The control's history, newest first: status and owner changes, check flips, evidence and attestations, "
            + "with who and when; page from 0, size 1 to 100")
    ControlHistory history(CurrentUser user, @PathVariable String key, @RequestParam(required = false) String page,
                           @RequestParam(required = false) String size) {
        return proofs.history(user.workspaceId(), key, ControlForms.number("page", page, 0), ControlForms.number("size", size, 20));
    }

    @PatchMapping("/controls/{key}")
    @RequiresPermission(Permission.CONTROLS_WRITE)
    @Operation(summary = "Change status, owner, justification or notes; fields left out keep their value")
    ControlView patch(CurrentUser user, @PathVariable String key, @RequestBody Map<String, Object> body) {
        ControlChange change = forms.patch(library.get(user.workspaceId(), key), body);
        ControlState updated = edits.update(user.workspaceId(), key, change, user);
        return view(updated, readiness.status(user.workspaceId(), key));
    }

    @GetMapping("/readiness")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "Readiness per adopted framework")
    List<FrameworkReadiness> readiness(CurrentUser user) {
        return readiness.readiness(user.workspaceId());
    }

    record AdoptionRequest(List<String> categories) {
    }

    @GetMapping("/adoptions")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "The frameworks this workspace pursues, with the categories in scope")
    List<AdoptedFramework> adoptions(CurrentUser user) {
        return adoptions.adopted(user.workspaceId());
    }

    @PutMapping("/adoptions/{framework}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Adopt a framework, or change the categories in scope (required categories always stay)")
    AdoptedFramework adopt(CurrentUser user, @PathVariable String framework, @RequestBody(required = false) AdoptionRequest request) {
        Set<String> categories = new LinkedHashSet<>(request == null || request.categories() == null ? List.of() : request.categories());
        return adoptions.adopt(user.workspaceId(), framework, categories, user.actor());
    }

    @DeleteMapping("/adoptions/{framework}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Stop pursuing a framework")
    ResponseEntity<Void> drop(CurrentUser user, @PathVariable String framework) {
        adoptions.drop(user.workspaceId(), framework, user.actor());
        return ResponseEntity.noContent().build();
    }
}
