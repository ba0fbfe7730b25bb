package dev.attest.program.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.Framework;
import dev.attest.identity.CurrentUser;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The first-run setup checklist: the company step and the frameworks step are answered here, the others link out. */
@Controller
@RequiredArgsConstructor
class SetupPages {

    private final SetupChecklist checklist;
    private final Catalog catalog;

    @GetMapping("/setup")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String page(CurrentUser user, Model model) {
        prepare(user, model);
        return "program/setup";
    }

    private void prepare(CurrentUser user, Model model) {
        model.addAttribute("progress", checklist.progress(user));
        if (!model.containsAttribute("company")) {
            model.addAttribute("company", checklist.company(user.workspaceId()));
        }
        model.addAttribute("frameworks", catalog.shippedFrameworks());
        model.addAttribute("adopted", checklist.adopted(user.workspaceId()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    @PostMapping("/setup/company")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String company(CurrentUser user, Model model, @RequestParam(required = false) String company,
                   @RequestParam(required = false) String securityContact, @RequestParam(required = false) String reviewOwner,
                   @RequestParam(required = false) String summary) {
        var details = new SetupChecklist.CompanyDetails(company, securityContact, reviewOwner, summary);
        try {
            checklist.saveCompany(user, details);
            return "redirect:/setup#company";
        } catch (InvalidFieldException e) {
            model.addAttribute("company", details);
            model.addAttribute("errors", e.errors());
            prepare(user, model);
            return "program/setup";
        }
    }

    @PostMapping("/setup/frameworks")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String frameworks(CurrentUser user, Model model, @RequestParam MultiValueMap<String, String> form) {
        Set<String> chosen = new HashSet<>(form.getOrDefault("framework", List.of()));
        // every framework with categories sends its own list, so unticking them all means "only the required ones"
        Map<String, Set<String>> categories = new HashMap<>();
        for (Framework f : catalog.shippedFrameworks()) {
            if (!f.categories().isEmpty()) {
                categories.put(f.id(), new HashSet<>(form.getOrDefault("category-" + f.id(), List.of())));
            }
        }
        try {
            checklist.saveFrameworks(user, chosen, categories);
            return "redirect:/setup#frameworks";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
            prepare(user, model);
            return "program/setup";
        }
    }

    @PostMapping("/setup/{step}/{state}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String settle(CurrentUser user, @PathVariable String step, @PathVariable String state) {
        SetupStep known = WireName.parse(SetupStep.class, step).orElseThrow(() -> new NotFoundException("No setup step " + step));
        if (!state.equals("skip") && !state.equals("done")) {
            throw new NotFoundException("No action " + state);
        }
        checklist.mark(user, known, state.equals("skip") ? SetupChecklist.SKIPPED : SetupChecklist.DONE);
        return "redirect:/setup#" + known.wireName();
    }
}
