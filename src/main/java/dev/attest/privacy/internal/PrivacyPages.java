package dev.attest.privacy.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.privacy.DataSubjectRequest;
import dev.attest.privacy.NewRequest;
import dev.attest.privacy.PrivacyLaw;
import dev.attest.privacy.RequestType;
import dev.attest.web.Htmx;
import dev.attest.web.PageForms;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** The staff pages for data-subject requests: the list with its intake form, and one request's page. */
@Controller
@RequiredArgsConstructor
class PrivacyPages {

    private final DataSubjectRequests requests;
    private final RequestForms forms;
    private final dev.attest.identity.WorkspaceMembers members;
    private final ZoneId zone;

    @GetMapping("/privacy")
    @RequiresPermission(Permission.PRIVACY_READ)
    String list(CurrentUser user, HttpServletRequest request, Model model, @RequestParam(required = false) String status) {
        prepareList(user, model, status);
        model.addAttribute("form", new NewRequest("access", "gdpr", "", "", ""));
        return Htmx.view(request, "privacy/requests", "results");
    }

    private void prepareList(CurrentUser user, Model model, String status) {
        List<DataSubjectRequest> all = requests.list(user.workspaceId(), user.can(Permission.PRIVACY_WRITE));
        String filter = "closed".equals(status) || "all".equals(status) ? status : "open";
        model.addAttribute("requests", all.stream().filter(r -> "all".equals(filter) || r.status().equals(filter)).toList());
        model.addAttribute("status", filter);
        model.addAttribute("now", requests.clock().instant());
        model.addAttribute("zone", zone);
        model.addAttribute("types", RequestType.values());
        model.addAttribute("laws", PrivacyLaw.values());
        model.addAttribute("canWrite", user.can(Permission.PRIVACY_WRITE));
    }

    @PostMapping("/privacy/requests")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    String create(CurrentUser user, Model model, @RequestParam(required = false) String type, @RequestParam(required = false) String law,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String email,
                  @RequestParam(required = false) String details) {
        NewRequest form = new NewRequest(type, law, name, email, details);
        return PageForms.submit(() -> {
            DataSubjectRequest created = requests.receive(user.workspaceId(), forms.receipt(form), "staff", user.actor());
            return "redirect:/privacy/requests/" + created.id();
        }, errors -> {
            prepareList(user, model, "open");
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            return "privacy/requests";
        });
    }

    @GetMapping("/privacy/requests/{id}")
    @RequiresPermission(Permission.PRIVACY_READ)
    String request(CurrentUser user, HttpServletRequest http, @PathVariable UUID id, Model model) {
        prepare(user, id, model);
        return Htmx.view(http, "privacy/request", "request");
    }

    private void prepare(CurrentUser user, UUID id, Model model) {
        DataSubjectRequest request = requests.get(user.workspaceId(), id, user.can(Permission.PRIVACY_WRITE));
        model.addAttribute("r", request);
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("now", requests.clock().instant());
        model.addAttribute("zone", zone);
        model.addAttribute("canWrite", user.can(Permission.PRIVACY_WRITE) && request.open());
    }

    @PostMapping("/privacy/requests/{id}/{step}")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    String step(CurrentUser user, @PathVariable UUID id, @PathVariable String step, Model model,
                @RequestParam Map<String, String> form) {
        Supplier<DataSubjectRequest> action = switch (step) {
            case "extension" -> () -> requests.extend(user.workspaceId(), id, forms.extension(form.get("reason")), user.actor());
            case "assignment" -> () -> requests.assign(user.workspaceId(), id, forms.assignment(form.get("assignee")), user.actor());
            case "identity-verification" -> () -> requests.verifyIdentity(user.workspaceId(), id, forms.verification(form.get("method")), user.actor());
            case "tasks" -> () -> requests.addTask(user.workspaceId(), id, forms.task(form.get("system")), user.actor());
            case "task-completion" -> () -> requests.completeTask(user.workspaceId(), id, forms.completion(form.get("task"), form.get("note")),
                    user.actor());
            case "response" -> () -> requests.recordResponse(user.workspaceId(), id, forms.response(form.get("response")), user.actor());
            case "closure" -> () -> requests.close(user.workspaceId(), id, forms.closure(form.get("outcome"), form.get("reason")), user.actor());
            default -> throw new dev.attest.web.NotFoundException("No step " + step);
        };
        return PageForms.submit(() -> {
            action.get();
            return "redirect:/privacy/requests/" + id;
        }, errors -> {
            prepare(user, id, model);
            model.addAttribute("errors", errors);
            model.addAttribute("failedStep", step);
            model.addAttribute("typed", form);
            return "privacy/request";
        });
    }
}
