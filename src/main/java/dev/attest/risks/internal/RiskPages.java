package dev.attest.risks.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.risks.HeatMap;
import dev.attest.risks.Risk;
import dev.attest.risks.RiskImportRejected;
import dev.attest.risks.RiskInput;
import dev.attest.risks.RiskRegister;
import dev.attest.risks.Treatment;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.TablePage;
import dev.attest.web.TableQuery;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The register with its heat maps and assessments, a risk's page, and CSV import. */
@Controller
@RequiredArgsConstructor
class RiskPages {

    private final RiskRegister register;
    private final RiskForms forms;
    private final RiskImports imports;
    private final RiskAssessments assessments;
    private final WorkspaceMembers members;

    /** One square of the heat map, placed for the SVG: likelihood rises upwards, impact to the right. */
    record HeatCell(int likelihood, int impact, int count, String level, int x, int y) {
    }

    static final int CELL = 48;
    static final int AXIS = 28;

    static List<HeatCell> cells(int[][] counts) {
        List<HeatCell> cells = new ArrayList<>();
        for (int l = 5; l >= 1; l--) {
            for (int i = 1; i <= 5; i++) {
                cells.add(new HeatCell(l, i, counts[l - 1][i - 1], Risk.level(l * i), AXIS + (i - 1) * CELL, (5 - l) * CELL));
            }
        }
        return cells;
    }

    /** The form as typed: every field text, controls as one line of keys. */
    record RiskForm(String title, String description, String category, String owner, String inherentLikelihood,
                    String inherentImpact, String residualLikelihood, String residualImpact, String treatment,
                    String acceptanceApprover, String acceptanceExpiresOn, String controls, String reviewedOn) {

        static RiskForm of(Risk r) {
            RiskInput in = RiskInput.of(r);
            return new RiskForm(in.title(), in.description(), in.category(), in.owner(), in.inherentLikelihood(), in.inherentImpact(),
                    in.residualLikelihood(), in.residualImpact(), in.treatment(), in.acceptanceApprover(), in.acceptanceExpiresOn(),
                    String.join(" ", in.controls()), in.reviewedOn());
        }

        static RiskForm blank() {
            return new RiskForm(null, null, null, null, "3", "3", "2", "2", "mitigate", null, null, null, null);
        }

        RiskInput input() {
            List<String> keys = controls == null ? List.of() : Arrays.stream(controls.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
            return new RiskInput(title, description, category, owner, inherentLikelihood, inherentImpact, residualLikelihood,
                    residualImpact, treatment, acceptanceApprover, acceptanceExpiresOn, keys, reviewedOn);
        }
    }

    @GetMapping("/risks")
    @RequiresPermission(Permission.RISKS_READ)
    String register(CurrentUser user, HttpServletRequest request, Model model, @RequestParam(required = false) String q,
                    @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                    @RequestParam(required = false) String page) {
        HeatMap map = register.heatMap(user.workspaceId());
        long total = register.count(user.workspaceId(), q);
        TableQuery query = TableQuery.lenient(sort, dir, page, RiskStore.SORTS.keySet(), "title", false).within(total);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        model.addAttribute("table", new TablePage<>(register.page(user.workspaceId(), q, query), total, query, "/risks", filters));
        model.addAttribute("q", q);
        model.addAttribute("inherentCells", cells(map.inherent()));
        model.addAttribute("residualCells", cells(map.residual()));
        model.addAttribute("assessments", assessments.assessments(user.workspaceId()));
        model.addAttribute("canEdit", user.can(Permission.RISKS_WRITE));
        return Htmx.view(request, "risks/register", "results");
    }

    @GetMapping("/risks/new")
    @RequiresPermission(Permission.RISKS_WRITE)
    String newRisk(CurrentUser user, Model model) {
        prepareForm(user, null, RiskForm.blank(), model);
        return "risks/risk";
    }

    @PostMapping("/risks")
    @RequiresPermission(Permission.RISKS_WRITE)
    String create(CurrentUser user, @ModelAttribute RiskForm form, Model model) {
        try {
            Risk risk = register.record(user.workspaceId(), forms.risk(user.workspaceId(), form.input()), user.actor());
            return "redirect:/risks/" + risk.id() + "?saved";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
            prepareForm(user, null, form, model);
            return "risks/risk";
        }
    }

    @GetMapping("/risks/{id}")
    @RequiresPermission(Permission.RISKS_READ)
    String risk(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String saved, Model model) {
        Risk risk = register.get(user.workspaceId(), id);
        model.addAttribute("saved", saved != null);
        prepareForm(user, risk, RiskForm.of(risk), model);
        return "risks/risk";
    }

    @PostMapping("/risks/{id}")
    @RequiresPermission(Permission.RISKS_WRITE)
    String update(CurrentUser user, @PathVariable UUID id, @ModelAttribute RiskForm form, Model model) {
        Risk risk = register.get(user.workspaceId(), id);
        try {
            register.update(user.workspaceId(), id, forms.risk(user.workspaceId(), form.input()), user.actor());
            return "redirect:/risks/" + id + "?saved";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
            prepareForm(user, risk, form, model);
            return "risks/risk";
        }
    }

    @PostMapping("/risks/{id}/review")
    @RequiresPermission(Permission.RISKS_WRITE)
    String reviewed(CurrentUser user, @PathVariable UUID id) {
        register.markReviewed(user.workspaceId(), id, user.actor());
        return "redirect:/risks/" + id + "?saved";
    }

    @PostMapping("/risks/{id}/delete")
    @RequiresPermission(Permission.RISKS_WRITE)
    String delete(CurrentUser user, @PathVariable UUID id) {
        register.remove(user.workspaceId(), id, user.actor());
        return "redirect:/risks";
    }

    private void prepareForm(CurrentUser user, Risk risk, RiskForm form, Model model) {
        model.addAttribute("risk", risk);
        model.addAttribute("form", form);
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("treatments", Treatment.values());
        model.addAttribute("canEdit", user.can(Permission.RISKS_WRITE));
    }

    @PostMapping("/risks/assessments")
    @RequiresPermission(Permission.RISKS_WRITE)
    String recordAssessment(CurrentUser user, HttpServletRequest request, Model model,
                            @RequestParam(required = false) String assessedOn, @RequestParam(required = false) String summary) {
        try {
            assessments.record(user.workspaceId(), assessedOn, summary, user.actor());
            return "redirect:/risks#assessments";
        } catch (InvalidFieldException e) {
            model.addAttribute("assessmentErrors", e.errors());
            model.addAttribute("assessedOn", assessedOn);
            model.addAttribute("summary", summary);
            return register(user, request, model, null, null, null, null).replace(" :: results", "");
        }
    }

    @GetMapping("/risks/export.csv")
    @RequiresPermission(Permission.RISKS_READ)
    ResponseEntity<String> export(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                                  @RequestParam(required = false) String dir) {
        TableQuery query = TableQuery.lenient(sort, dir, null, RiskStore.SORTS.keySet(), "title", false);
        return RisksApi.csv(imports.exportCsv(user.workspaceId(), q, query));
    }

    @GetMapping("/risks/import")
    @RequiresPermission(Permission.RISKS_WRITE)
    String importPage() {
        return "risks/import";
    }

    @PostMapping("/risks/import")
    @RequiresPermission(Permission.RISKS_WRITE)
    String importCsv(CurrentUser user, @RequestParam(required = false) String csv, Model model) {
        try {
            RiskImports.ImportResult result = imports.importCsv(user.workspaceId(), csv, user.actor());
            model.addAttribute("result", result);
        } catch (RiskImportRejected e) {
            model.addAttribute("importErrors", e.errors());
            model.addAttribute("csv", csv);
        }
        return "risks/import";
    }
}
