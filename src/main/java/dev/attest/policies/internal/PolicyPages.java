package dev.attest.policies.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.policies.Policies;
import dev.attest.policies.PolicyStateException;
import dev.attest.policies.PolicySummary;
import dev.attest.policies.PolicyVersion;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
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
class PolicyPages {

    private final Policies policies;
    private final WorkspaceMembers members;

    PolicyPages(Policies policies, WorkspaceMembers members) {
        this.policies = policies;
        this.members = members;
    }

    @GetMapping("/policies")
    @RequiresPermission(Permission.POLICIES_READ)
    String list(CurrentUser user, Model model) {
        List<PolicySummary> all = policies.list(user.workspaceId());
        model.addAttribute("policies", all);
        model.addAttribute("templates", policies.templates());
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("canWrite", user.can(Permission.POLICIES_WRITE));
        model.addAttribute("published", all.stream().filter(s -> s.current() != null).count());
        model.addAttribute("acceptance", policies.acceptanceRates(user.workspaceId()));
        return "policies/list";
    }

    @PostMapping("/policies")
    @RequiresPermission(Permission.POLICIES_WRITE)
    String create(CurrentUser user, @RequestParam(required = false) String template, @RequestParam(required = false) String owner,
                  RedirectAttributes redirect) {
        try {
            PolicySummary created = policies.createFromTemplate(user.workspaceId(), template, owner, user.actor());
            return "redirect:/policies/" + created.policy().id();
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("errors", e.errors());
            return "redirect:/policies";
        }
    }

    @PostMapping("/policies/from-templates")
    @RequiresPermission(Permission.POLICIES_WRITE)
    String createAll(CurrentUser user, @RequestParam(required = false) String owner) {
        policies.createFromAllTemplates(user.workspaceId(), owner, user.actor());
        return "redirect:/policies";
    }

    @PostMapping("/policies/preview")
    @RequiresPermission(Permission.POLICIES_READ)
    String preview(@RequestParam(defaultValue = "") String body, Model model) {
        model.addAttribute("html", policies.render(body));
        return "policies/policy :: preview";
    }

    @GetMapping("/policies/settings")
    @RequiresPermission(Permission.POLICIES_READ)
    String settings(CurrentUser user, Model model) {
        model.addAttribute("settings", policies.settings(user.workspaceId()));
        model.addAttribute("canAdmin", user.can(Permission.WORKSPACE_ADMIN));
        return "policies/settings";
    }

    @PostMapping("/policies/settings")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String saveSettings(CurrentUser user, @RequestParam Map<String, String> form, Model model) {
        Map<String, String> changes = new LinkedHashMap<>(form);
        changes.remove("_csrf");
        try {
            model.addAttribute("settings", policies.saveSettings(user.workspaceId(), changes, user.actor()));
            model.addAttribute("saved", true);
        } catch (InvalidFieldException e) {
            Map<String, String> shown = policies.settings(user.workspaceId());
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
        PolicySummary summary = policies.get(user.workspaceId(), id);
        List<PolicyVersion> versions = policies.versions(user.workspaceId(), id);
        model.addAttribute("summary", summary);
        model.addAttribute("policy", summary.policy());
        model.addAttribute("versions", versions);
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("canWrite", user.can(Permission.POLICIES_WRITE));
        model.addAttribute("canApprove", user.can(Permission.POLICIES_APPROVE));
        if (summary.current() != null) {
            model.addAttribute("currentHtml", policies.render(summary.current().body()));
        }
        if (summary.open() != null) {
            model.addAttribute("openHtml", policies.render(summary.open().body()));
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
            policies.update(user.workspaceId(), id, null, owner, PoliciesApi.reviewDue(reviewDue), user.actor());
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
            policies.newDraft(user.workspaceId(), id, user.actor());
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
            policies.edit(user.workspaceId(), id, PoliciesApi.version(number), body, user.actor());
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
        if (("approve".equals(action) || "publish".equals(action)) && !user.can(Permission.POLICIES_APPROVE)) {
            throw new org.springframework.security.access.AccessDeniedException("approving needs policies:approve");
        }
        try {
            policies.transition(user.workspaceId(), id, PoliciesApi.version(number), action, user.actor());
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
        PolicyVersion version = policies.version(user.workspaceId(), id, PoliciesApi.version(number));
        model.addAttribute("policy", policies.get(user.workspaceId(), id).policy());
        model.addAttribute("version", version);
        model.addAttribute("html", policies.render(version.body()));
        return "policies/version";
    }

    @GetMapping(value = "/policies/{id}/versions/{number}/pdf", produces = "application/pdf")
    @RequiresPermission(Permission.POLICIES_READ)
    org.springframework.http.ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable UUID id, @PathVariable String number) {
        return pdfResponse(policies.pdf(user.workspaceId(), id, PoliciesApi.version(number)), "policy-v" + PoliciesApi.version(number) + ".pdf");
    }

    @GetMapping(value = "/policies/export.pdf", produces = "application/pdf")
    @RequiresPermission(Permission.POLICIES_READ)
    org.springframework.http.ResponseEntity<byte[]> export(CurrentUser user) {
        return pdfResponse(policies.publishedSetPdf(user.workspaceId()), "policies.pdf");
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
        model.addAttribute("policy", policies.get(user.workspaceId(), id).policy());
        model.addAttribute("versions", policies.versions(user.workspaceId(), id));
        model.addAttribute("from", PoliciesApi.version(from));
        model.addAttribute("to", PoliciesApi.version(to));
        model.addAttribute("rows", policies.compare(user.workspaceId(), id, PoliciesApi.version(from), PoliciesApi.version(to)));
        return Htmx.view(request, "policies/compare", "diff");
    }
}
