package dev.attest.audits.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.audits.PlanAudit;
import dev.attest.audits.AuditKind;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.PageForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The audits pages: the list with the planning form, one audit's page with its status, invitations and completion, and the package button. */
@Controller
@RequiredArgsConstructor
class AuditPages {

    private final Engagements engagements;
    private final AuditorAccess access;
    private final AuditPackages packages;
    private final AuditCompletion completion;
    private final AuditPageModel page;
    private final AuditForms forms;

    @GetMapping("/audits")
    @RequiresPermission(Permission.AUDITS_READ)
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
    @RequiresPermission(Permission.AUDITS_MANAGE)
    String plan(CurrentUser user, @ModelAttribute("form") PlanAudit form, BindingResult binding, Model model) {
        Map<String, String> errors = new TreeMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), "has the wrong format"));
        if (!errors.isEmpty()) {
            prepare(user, model, form, errors);
            return "audits/audits";
        }
        return PageForms.submit(() -> "redirect:/audits/" + engagements.plan(user, form).id(), refused -> {
            prepare(user, model, form, new TreeMap<>(refused));
            return "audits/audits";
        });
    }

    @GetMapping("/audits/{id}")
    @RequiresPermission(Permission.AUDITS_READ)
    String audit(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String status, HttpServletRequest request, Model model) {
        page.fill(user, id, status, model, null, Map.of(), Map.of());
        return Htmx.view(request, "audits/audit", "requests");
    }

    @PostMapping("/audits/{id}/status")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    String advance(CurrentUser user, @PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return page.submit(user, id, "status", form, model, redirect, "top", () -> {
            return "The audit is " + engagements.advance(user, id, forms.advance(form)).status().wireName();
        });
    }

    @PostMapping("/audits/{id}/auditors")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    String invite(CurrentUser user, @PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return page.submit(user, id, "invite", form, model, redirect, "auditors",
                () -> access.invite(user, id, forms.invitation(form)).email() + " is invited");
    }

    @PostMapping("/audits/{id}/complete")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    String complete(CurrentUser user, @PathVariable UUID id, @RequestParam Map<String, String> form,
                    @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        return page.submit(user, id, "complete", form, model, redirect, "top", () -> {
            byte[] report;
            try {
                report = file == null || file.isEmpty() ? null : file.getBytes();
            } catch (IOException e) {
                throw new InvalidFieldException("file", "could not be read: choose it again");
            }
            completion.complete(user, id, new AuditCompletion.Completion(AuditPageModel.date(form, "issuedOn"), form.containsKey("confirm"),
                    form.containsKey("publish"), file == null ? null : file.getOriginalFilename(), report));
            return "The audit is completed; the Trust Center shows its report";
        });
    }

    @GetMapping("/audits/{id}/package")
    @RequiresPermission(Permission.AUDITS_READ)
    void download(CurrentUser user, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        try {
            PackageApi.send(packages, user, id, response);
        } catch (dev.attest.web.InvalidFieldException e) {
            // refused before the first byte (no evidence yet): the button's answer is a 400 that says why, not a server error
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }
}
