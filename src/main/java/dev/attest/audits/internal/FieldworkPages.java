package dev.attest.audits.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.audits.AuditFinding;
import dev.attest.audits.Sample;
import dev.attest.identity.CurrentUser;
import dev.attest.web.Downloads;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The auditor's forms on an audit's page: populations with their hashes, drawing and re-drawing
 * samples, and findings (raised and closed by the auditor, answered by the client).
 */
@Controller
@RequiredArgsConstructor
class FieldworkPages {

    private final Sampling sampling;
    private final AuditFindings findings;
    private final AuditPageModel page;
    private final AuditForms forms;

    @GetMapping("/audits/{id}/populations/{name}")
    @RequiresPermission(Permission.AUDITS_READ)
    ResponseEntity<byte[]> population(CurrentUser user, @PathVariable UUID id, @PathVariable String name,
                                      @RequestParam(required = false) String control) {
        Population population;
        try {
            population = sampling.population(user, id, name, control);
        } catch (InvalidFieldException e) {
            return AuditPageModel.refusal(e);
        }
        return Downloads.attachment(Downloads.CSV, population.name() + ".csv").header("X-Population-SHA256", population.sha256())
                .body(population.csv().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/audits/{id}/samples")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    String draw(CurrentUser user, @PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return page.submit(user, id, "sample", form, model, redirect, "samples", () -> {
            Sample sample = sampling.draw(user, id, forms.sample(form));
            return "Sample of " + sample.size() + " drawn from " + sample.population() + " with seed " + sample.seed();
        });
    }

    @PostMapping("/audits/{id}/samples/{sampleId}/redraw")
    @RequiresPermission(Permission.AUDITS_READ)
    String redraw(CurrentUser user, @PathVariable UUID id, @PathVariable UUID sampleId, Model model) {
        Sampling.Redraw redraw = sampling.redraw(user, id, sampleId);
        page.fill(user, id, null, model, null, Map.of(), Map.of());
        model.addAttribute("redraw", redraw);
        return "audits/audit";
    }

    @PostMapping("/audits/{id}/findings")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    String raise(CurrentUser user, @PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return page.submit(user, id, "finding", form, model, redirect, "findings", () -> {
            AuditFinding finding = findings.raise(user, id, forms.finding(form));
            return "Finding " + finding.reference() + " raised";
        });
    }

    @PostMapping("/audits/{id}/findings/{findingId}/answer")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    String answer(CurrentUser user, @PathVariable UUID id, @PathVariable UUID findingId, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        return page.submit(user, id, "answer-" + findingId, form, model, redirect, "finding-" + findingId, () -> {
            AuditFinding finding = findings.answer(user, id, findingId, forms.answer(form));
            return "Finding " + finding.reference() + " answered";
        });
    }

    @PostMapping("/audits/{id}/findings/{findingId}/close")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    String close(CurrentUser user, @PathVariable UUID id, @PathVariable UUID findingId, Model model, RedirectAttributes redirect) {
        return page.submit(user, id, "close-" + findingId, Map.of(), model, redirect, "finding-" + findingId,
                () -> "Finding " + findings.close(user, id, findingId).reference() + " closed");
    }
}
