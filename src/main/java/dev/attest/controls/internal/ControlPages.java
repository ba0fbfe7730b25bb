package dev.attest.controls.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import dev.attest.controls.ControlState;
import dev.attest.controls.ImplementationStatus;
import dev.attest.controls.Readiness;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.web.Htmx;
import dev.attest.web.PageForms;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.attest.web.TablePage;
import dev.attest.web.TableQuery;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Framework pages, the control library and control pages (the dashboard is the program module's). */
@Controller
@RequiredArgsConstructor
class ControlPages {

    private final Catalog catalog;
    private final ControlLibrary library;
    private final Adoptions adoptions;
    private final ControlEdits edits;
    private final ControlReadiness readiness;
    private final ControlProofs proofs;
    private final WorkspaceMembers members;
    private final ControlForms forms;
    private final ControlBulk bulk;

    /** One row of a framework page: a requirement, its depth in the tree, and its readiness. */
    record RequirementRow(Requirement requirement, int depth, boolean inScope, boolean ready, List<ControlState> controls) {
    }

    @GetMapping("/frameworks/{id}")
    @RequiresPermission(Permission.CONTROLS_READ)
    String framework(CurrentUser user, @PathVariable String id, Model model) {
        Framework framework = catalog.requireFramework(id);
        Set<String> scope = adoptions.scopeOf(user.workspaceId(), framework);
        var states = library.states(user.workspaceId());
        var satisfied = readiness.satisfied(user.workspaceId());
        Map<String, Integer> depth = new HashMap<>();
        List<RequirementRow> rows = framework.requirements().stream().map(r -> {
            int d = r.parent() == null ? 0 : depth.getOrDefault(r.parent(), 0) + 1;
            depth.put(r.ref(), d);
            boolean inScope = r.group() || Readiness.inScope(r, scope);
            boolean ready = Readiness.ready(r, satisfied);
            return new RequirementRow(r, d, inScope, ready, r.controls().stream().map(states::get).toList());
        }).toList();
        model.addAttribute("framework", framework);
        model.addAttribute("rows", rows);
        model.addAttribute("scope", scope);
        model.addAttribute("adopted", adoptions.adopted(user.workspaceId()).stream().anyMatch(a -> a.frameworkId().equals(id)));
        model.addAttribute("readiness", readiness.readiness(user.workspaceId(), id));
        model.addAttribute("canAdmin", user.can(dev.attest.identity.Permission.WORKSPACE_ADMIN));
        model.addAttribute("imported", catalog.isImported(id));
        return "controls/framework";
    }

    @PostMapping("/frameworks/{id}/adoption")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String adopt(CurrentUser user, @PathVariable String id, @RequestParam(required = false) List<String> categories,
                 @RequestParam(defaultValue = "adopt") String action) {
        if ("drop".equals(action)) {
            adoptions.drop(user.workspaceId(), id, user.actor());
        } else {
            adoptions.adopt(user.workspaceId(), id, Set.copyOf(categories == null ? List.of() : categories), user.actor());
        }
        return "redirect:/frameworks/" + id;
    }

    @GetMapping("/controls")
    @RequiresPermission(Permission.CONTROLS_READ)
    String library(CurrentUser user, HttpServletRequest request, Model model,
                   @RequestParam(required = false) String domain, @RequestParam(required = false) String framework,
                   @RequestParam(required = false) String status, @RequestParam(required = false) String owner,
                   @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                   @RequestParam(required = false) String dir, @RequestParam(required = false) String page) {
        model.addAttribute("domains", catalog.domains());
        model.addAttribute("frameworks", catalog.frameworks());
        model.addAttribute("statuses", ImplementationStatus.values());
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("param", new LibraryParams(domain, framework, status, owner, q));
        model.addAttribute("canEdit", user.can(dev.attest.identity.Permission.CONTROLS_WRITE));
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        List<ControlState> states;
        try {
            states = library.list(user.workspaceId(), forms.filter(domain, framework, status, owner, q));
            filters.put("domain", domain);
            filters.put("framework", framework);
            filters.put("status", status);
            filters.put("owner", owner);
            filters.put("q", q);
        } catch (InvalidFieldException e) {
            states = List.of();
            model.addAttribute("filterErrors", e.errors());
        }
        TableQuery query = TableQuery.lenient(sort, dir, page, ControlTable.SORTS.keySet(), "key", false).within(states.size());
        List<ControlState> rows = ControlTable.page(ControlTable.sorted(states, query), query);
        model.addAttribute("table", new TablePage<>(rows, states.size(), query, "/controls", filters));
        return Htmx.view(request, "controls/library", "results");
    }

    @GetMapping("/controls/export")
    @RequiresPermission(Permission.CONTROLS_READ)
    void export(CurrentUser user, HttpServletResponse response, @RequestParam(required = false) String domain,
                @RequestParam(required = false) String framework, @RequestParam(required = false) String status,
                @RequestParam(required = false) String owner, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) throws java.io.IOException {
        List<ControlState> states;
        try {
            states = library.list(user.workspaceId(), forms.filter(domain, framework, status, owner, q));
        } catch (InvalidFieldException e) {
            states = library.list(user.workspaceId(), forms.filter(null, null, null, null, null));
        }
        TableQuery query = TableQuery.lenient(sort, dir, null, ControlTable.SORTS.keySet(), "key", false);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"controls.csv\"");
        StringBuilder out = new StringBuilder();
        ControlTable.csv(ControlTable.sorted(states, query), out);
        response.getWriter().write(out.toString());
    }

    @PostMapping("/controls/bulk")
    @RequiresPermission(Permission.CONTROLS_WRITE)
    String bulk(CurrentUser user, HttpServletRequest request, Model model, @RequestParam(name = "keys", required = false) List<String> keys,
                @RequestParam(required = false) String newOwner, @RequestParam(required = false) String newStatus,
                @RequestParam(required = false) String justification) {
        return PageForms.submit(() -> {
            int changed = bulk.apply(user, forms.bulk(keys == null ? List.of() : keys, newOwner, newStatus, justification));
            model.addAttribute("bulkDone", changed + (changed == 1 ? " control changed" : " controls changed"));
            return library(user, request, model, null, null, null, null, null, null, null, null);
        }, errors -> {
            model.addAttribute("bulkErrors", errors);
            return library(user, request, model, null, null, null, null, null, null, null, null);
        });
    }

    record LibraryParams(String domain, String framework, String status, String owner, String q) {
    }

    @GetMapping("/controls/{key}")
    @RequiresPermission(Permission.CONTROLS_READ)
    String control(CurrentUser user, @PathVariable String key, Model model) {
        ControlState state = library.get(user.workspaceId(), key);
        prepareControl(user, state, model);
        model.addAttribute("form", ControlForm.of(state));
        return "controls/control";
    }

    /** Entries on one page of a control's history. */
    static final int HISTORY_PAGE = 15;

    @GetMapping("/controls/{key}/history")
    @RequiresPermission(Permission.CONTROLS_READ)
    String history(CurrentUser user, @PathVariable String key, @RequestParam(required = false) String page, HttpServletRequest request,
                   Model model) {
        model.addAttribute("history", proofs.history(user.workspaceId(), key, ControlForms.number("page", page, 0), HISTORY_PAGE));
        return Htmx.view(request, "controls/history", "history");
    }

    private void prepareControl(CurrentUser user, ControlState state, Model model) {
        Control control = state.control();
        model.addAttribute("state", state);
        model.addAttribute("control", control);
        model.addAttribute("testStatus", readiness.status(user.workspaceId(), control.key().value()));
        var monitors = proofs.monitors(user.workspaceId(), control.key().value());
        var signal = readiness.signals(user.workspaceId()).getOrDefault(control.key(), dev.attest.controls.ControlSignal.NONE);
        model.addAttribute("monitors", monitors);
        model.addAttribute("verdict", dev.attest.controls.ControlVerdict.of(state.status(),
                dev.attest.controls.ControlStatus.of(state.status(), signal), signal, monitors));
        var evidence = proofs.evidence(user.workspaceId(), control.key().value(), 20);
        model.addAttribute("evidence", evidence);
        // The attestation card (evidence/attestation.html) reads these names; the evidence module fills them after a post.
        model.addAttribute("attestControl", control.key().value());
        model.addAttribute("attestOwner", state.owner());
        model.addAttribute("canAttest", state.owner() != null && state.owner().equalsIgnoreCase(user.email())
                && user.can(dev.attest.identity.Permission.EVIDENCE_WRITE));
        model.addAttribute("lastAttestation", evidence.stream().filter(e -> "attestation".equals(e.kind())).findFirst().orElse(null));
        model.addAttribute("signal", readiness.signals(user.workspaceId()).getOrDefault(control.key(), dev.attest.controls.ControlSignal.NONE));
        model.addAttribute("domain", catalog.domain(control.domain()).orElseThrow());
        model.addAttribute("history", proofs.history(user.workspaceId(), control.key().value(), 0, HISTORY_PAGE));
        model.addAttribute("requirements", library.requirementsOf(control).stream()
                .map(ref -> catalog.requireFramework(ref.framework()).requirement(ref.ref()).orElseThrow()).toList());
        model.addAttribute("frameworkNames", catalog.frameworks().stream()
                .collect(java.util.stream.Collectors.toMap(Framework::id, Framework::name)));
        model.addAttribute("statuses", ImplementationStatus.values());
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("canEdit", user.can(dev.attest.identity.Permission.CONTROLS_WRITE));
    }

    /** The status form as submitted, so that a refused form comes back with what was typed. */
    record ControlForm(String status, String owner, String justification, String notes) {
        static ControlForm of(ControlState s) {
            return new ControlForm(s.status().wireName(), s.owner(), s.justification(), s.notes());
        }
    }

    @PostMapping("/controls/{key}")
    @RequiresPermission(Permission.CONTROLS_WRITE)
    String update(CurrentUser user, @PathVariable String key, HttpServletRequest request, Model model,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String owner,
                  @RequestParam(required = false) String justification, @RequestParam(required = false) String notes) {
        return PageForms.submit(() -> {
            ControlState state = edits.update(user.workspaceId(), key, forms.change(status, owner, justification, notes), user);
            model.addAttribute("saved", true);
            return statusForm(user, state, ControlForm.of(state), request, model);
        }, errors -> {
            model.addAttribute("errors", errors);
            return statusForm(user, library.get(user.workspaceId(), key), new ControlForm(status, owner, justification, notes), request,
                    model);
        });
    }

    /** The control's page, or its status form alone for htmx, with the form as saved or as typed. */
    private String statusForm(CurrentUser user, ControlState state, ControlForm form, HttpServletRequest request, Model model) {
        prepareControl(user, state, model);
        model.addAttribute("form", form);
        return Htmx.isHtmx(request) ? "controls/control :: statusForm" : "controls/control";
    }
}
