package dev.attest.policies.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.policies.PolicyStateException;
import dev.attest.policies.PolicySummary;
import dev.attest.policies.PolicyVersion;
import dev.attest.policies.VersionAction;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The policy list, a policy's page with its editor and live preview, comparisons and the placeholder settings. */
@Controller
@RequiredArgsConstructor
class PolicyPages {

    private final PolicyRegister register;
    private final Drafting drafting;
    private final Approval approval;
    private final Acceptances acceptances;
    private final PolicySettings settings;
    private final PolicyExport export;
    private final MarkdownRenderer markdown;
    private final PolicyForms forms;
    private final WorkspaceMembers members;

    @GetMapping("/policies")
    @RequiresPermission(Permission.POLICIES_READ)
    String list(CurrentUser user, Model model) {
        List<PolicySummary> all = register.list(user.workspaceId());
        model.addAttribute("policies", all);
        model.addAttribute("templates", drafting.templates());
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("canWrite", user.can(Permission.POLICIES_WRITE));
        model.addAttribute("published", all.stream().filter(s -> s.current() != null).count());
        model.addAttribute("acceptance", acceptances.rates(user.workspaceId()));
        return "policies/list";
    }

    @PostMapping("/policies")
    @RequiresPermission(Permission.POLICIES_WRITE)
    String create(CurrentUser user, @RequestParam(required = false) String template, @RequestParam(required = false) String owner,
                  RedirectAttributes redirect) {
        try {
            PolicySummary created = drafting.createFromTemplate(user.workspaceId(), template, owner, user.actor());
            return "redirect:/policies/" + created.policy().id();
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("errors", e.errors());
            return "redirect:/policies";
        }
    }

    @PostMapping("/policies/from-templates")
    @RequiresPermission(Permission.POLICIES_WRITE)
    String createAll(CurrentUser user, @RequestParam(required = false) String owner) {
        drafting.createFromAllTemplates(user.workspaceId(), owner, user.actor());
        return "redirect:/policies";
    }

    @PostMapping("/policies/preview")
    @RequiresPermission(Permission.POLICIES_READ)
    String preview(@RequestParam(defaultValue = "") String body, Model model) {
        model.addAttribute("html", markdown.html(body));
        return "policies/policy :: preview";
    }

    @GetMapping("/policies/settings")
    @RequiresPermission(Permission.POLICIES_READ)
    String settings(CurrentUser user, Model model) {
        model.addAttribute("settings", settings.settings(user.workspaceId()));
        model.addAttribute("canAdmin", user.can(Permission.WORKSPACE_ADMIN));
        return "policies/settings";
    }

    @PostMapping("/policies/settings")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String saveSettings(CurrentUser user, @RequestParam Map<String, String> form, Model model) {
        Map<String, String> changes = new LinkedHashMap<>(form);
        changes.remove("_csrf");
        try {
            model.addAttribute("settings", settings.save(user.workspaceId(), changes, user.actor()));
            model.addAttribute("saved", true);
        } catch (InvalidFieldException e) {
            Map<String, String> shown = settings.settings(user.workspaceId());
            shown.putAll(changes);
            model.addAttribute("settings", shown);
            model.addAttribute("errors", e.errors());
        }
        model.addAttribute("canAdmin", true);
        return "policies/settings";
    }

    @GetMapping("/policies/{id}")
    @RequiresPermission(Permission.POLICIES_READ)
    String policy(CurrentUser user, @PathVariable UUID id, Model model) {
        fill(user, id, model);
        return "policies/policy";
    }

    private void fill(CurrentUser user, UUID id, Model model) {
        PolicySummary summary = register.get(user.workspaceId(), id);
        List<PolicyVersion> versions = register.versions(user.workspaceId(), id);
        model.addAttribute("summary", summary);
        model.addAttribute("policy", summary.policy());
        model.addAttribute("versions", versions);
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("canWrite", user.can(Permission.POLICIES_WRITE));
        model.addAttribute("canApprove", user.can(Permission.POLICIES_APPROVE));
        if (summary.current() != null) {
            model.addAttribute("currentHtml", markdown.html(summary.current().body()));
        }
        if (summary.open() != null) {
            model.addAttribute("openHtml", markdown.html(summary.open().body()));
            if (!model.containsAttribute("draftBody")) {
                model.addAttribute("draftBody", summary.open().body());
            }
        }
    }

    @PostMapping("/policies/{id}")
    @RequiresPermission(Permission.POLICIES_WRITE)
    String update(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String owner,
                  @RequestParam(required = false) String reviewDue, RedirectAttributes redirect) {
        try {
            drafting.update(user.workspaceId(), id, forms.change(user.workspaceId(), null, owner, reviewDue), user.actor());
            redirect.addFlashAttribute("message", "Saved.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/policies/" + id;
    }

    @PostMapping("/policies/{id}/versions")
    @RequiresPermission(Permission.POLICIES_WRITE)
    String newDraft(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            drafting.newDraft(user.workspaceId(), id, user.actor());
        } catch (PolicyStateException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/policies/" + id;
    }

    @PostMapping("/policies/{id}/versions/{number}")
    @RequiresPermission(Permission.POLICIES_WRITE)
    String edit(CurrentUser user, @PathVariable UUID id, @PathVariable String number, @RequestParam(defaultValue = "") String body,
                Model model, HttpServletRequest request) {
        try {
            drafting.edit(user.workspaceId(), id, PolicyForms.version(number), forms.edit(body), user.actor());
            return "redirect:/policies/" + id;
        } catch (PolicyStateException e) {
            model.addAttribute("refused", e.getMessage());
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
        }
        model.addAttribute("draftBody", body);
        fill(user, id, model);
        return "policies/policy";
    }

    @PostMapping("/policies/{id}/versions/{number}/{action}")
    @RequiresPermission(Permission.POLICIES_WRITE)
    String transition(CurrentUser user, @PathVariable UUID id, @PathVariable String number, @PathVariable String action,
                      RedirectAttributes redirect) {
        VersionAction step = VersionAction.fromPath(action).orElse(null);
        if (step != null && step.needsApprover() && !user.can(Permission.POLICIES_APPROVE)) {
            throw new org.springframework.security.access.AccessDeniedException("approving needs policies:approve");
        }
        try {
            approval.take(user.workspaceId(), id, PolicyForms.version(number), PolicyForms.action(action), user.actor());
        } catch (PolicyStateException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/policies/" + id;
    }

    @GetMapping("/policies/{id}/versions/{number}")
    @RequiresPermission(Permission.POLICIES_READ)
    String version(CurrentUser user, @PathVariable UUID id, @PathVariable String number, Model model) {
        PolicyVersion version = register.version(user.workspaceId(), id, PolicyForms.version(number));
        model.addAttribute("policy", register.get(user.workspaceId(), id).policy());
        model.addAttribute("version", version);
        model.addAttribute("html", markdown.html(version.body()));
        return "policies/version";
    }

    @GetMapping(value = "/policies/{id}/versions/{number}/pdf", produces = "application/pdf")
    @RequiresPermission(Permission.POLICIES_READ)
    org.springframework.http.ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable UUID id, @PathVariable String number) {
        return pdfResponse(export.version(user.workspaceId(), id, PolicyForms.version(number)), "policy-v" + PolicyForms.version(number) + ".pdf");
    }

    @GetMapping(value = "/policies/export.pdf", produces = "application/pdf")
    @RequiresPermission(Permission.POLICIES_READ)
    org.springframework.http.ResponseEntity<byte[]> export(CurrentUser user) {
        return pdfResponse(export.publishedSet(user.workspaceId()), "policies.pdf");
    }

    static org.springframework.http.ResponseEntity<byte[]> pdfResponse(byte[] pdf, String filename) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(filename).build().toString())
                .body(pdf);
    }

    @GetMapping("/policies/{id}/compare")
    @RequiresPermission(Permission.POLICIES_READ)
    String compare(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, Model model, HttpServletRequest request) {
        model.addAttribute("policy", register.get(user.workspaceId(), id).policy());
        model.addAttribute("versions", register.versions(user.workspaceId(), id));
        model.addAttribute("from", PolicyForms.version(from));
        model.addAttribute("to", PolicyForms.version(to));
        model.addAttribute("rows", register.compare(user.workspaceId(), id, PolicyForms.version(from), PolicyForms.version(to)));
        return Htmx.view(request, "policies/compare", "diff");
    }
}
