package dev.attest.audits.internal;

import dev.attest.audits.Audit;
import dev.attest.audits.AuditKind;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The audits pages: the list with the planning form, one audit's page, and the package button. */
@Controller
class AuditPages {

    private final Engagements engagements;
    private final AuditorAccess access;
    private final RequestLists requests;
    private final AuditFindings findings;
    private final Sampling sampling;
    private final AuditPackages packages;

    AuditPages(Engagements engagements, AuditorAccess access, RequestLists requests, AuditFindings findings, Sampling sampling,
               AuditPackages packages) {
        this.engagements = engagements;
        this.access = access;
        this.requests = requests;
        this.findings = findings;
        this.sampling = sampling;
        this.packages = packages;
    }

    @GetMapping("/audits")
    @PreAuthorize("hasAuthority('audits:read')")
    String list(CurrentUser user, HttpServletRequest request, Model model) {
        prepare(user, model, new PlanAudit(AuditKind.SOC2_TYPE2, null, "", "", null, null, null, null), Map.of());
        return Htmx.view(request, "audits/audits", "results");
    }

    private void prepare(CurrentUser user, Model model, PlanAudit form, Map<String, String> errors) {
        model.addAttribute("audits", engagements.list(user));
        model.addAttribute("kinds", AuditKind.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("canManage", user.can(Permission.AUDITS_MANAGE));
    }

    @PostMapping("/audits")
    @PreAuthorize("hasAuthority('audits:manage')")
    String plan(CurrentUser user, @ModelAttribute("form") PlanAudit form, BindingResult binding, Model model) {
        Map<String, String> errors = new TreeMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), "has the wrong format"));
        if (errors.isEmpty()) {
            try {
                Audit audit = engagements.plan(user, form);
                return "redirect:/audits/" + audit.id();
            } catch (InvalidFieldException e) {
                errors.putAll(e.errors());
            }
        }
        prepare(user, model, form, errors);
        return "audits/audits";
    }

    @GetMapping("/audits/{id}")
    @PreAuthorize("hasAuthority('audits:read')")
    String audit(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("audit", access.readable(user, id, "audit page"));
        model.addAttribute("requests", requests.list(user, id));
        model.addAttribute("findings", findings.list(user, id));
        model.addAttribute("samples", sampling.list(user, id));
        model.addAttribute("auditors", access.auditors(user, id));
        return "audits/audit";
    }

    @GetMapping("/audits/{id}/package")
    @PreAuthorize("hasAuthority('audits:read')")
    void download(CurrentUser user, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        try {
            PackageApi.send(packages, user, id, response);
        } catch (dev.attest.web.InvalidFieldException e) {
            // refused before the first byte (no evidence yet): the button's answer is a 400 that says why, not a server error
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }
}
