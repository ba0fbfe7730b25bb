package dev.attest.catalog.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import dev.attest.identity.CurrentUser;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The mapping page of an imported framework: each requirement's controls or reason, the unmapped ones first to find. */
@Controller
@RequiredArgsConstructor
class RequirementMappingPages {

    /** Rows shown at once: a 10,000-control catalog is mapped through the unmapped filter and the search, not one long page. */
    static final int PAGE_ROWS = 200;

    private final RequirementMappings mappings;
    private final CatalogForms forms;
    private final Catalog catalog;

    @GetMapping("/catalog/frameworks/{id}/mapping")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String page(Model model, @PathVariable String id, @RequestParam(defaultValue = "unmapped") String show,
                @RequestParam(defaultValue = "") String q) {
        if (!catalog.isImported(id)) {
            throw new NotFoundException("No imported framework '" + id + "': shipped frameworks are mapped in the catalog files");
        }
        Framework framework = mappings.editable(id);
        String query = q.strip().toLowerCase(java.util.Locale.ROOT);
        List<Requirement> rows = framework.assessedRequirements()
                .filter(r -> !"unmapped".equals(show) || (r.controls().isEmpty() && r.noControlReason() == null))
                .filter(r -> query.isEmpty() || r.ref().toLowerCase(java.util.Locale.ROOT).contains(query)
                        || r.title().toLowerCase(java.util.Locale.ROOT).contains(query))
                .toList();
        model.addAttribute("framework", framework);
        model.addAttribute("counts", RequirementMappings.counts(framework));
        model.addAttribute("rows", rows.subList(0, Math.min(rows.size(), PAGE_ROWS)));
        model.addAttribute("matching", rows.size());
        model.addAttribute("show", "unmapped".equals(show) ? "unmapped" : "all");
        model.addAttribute("q", q);
        model.addAttribute("controlKeys", catalog.controls().stream().map(c -> c.key().value()).toList());
        model.addAttribute("errors", Map.of());
        return "catalog/mapping";
    }

    @PostMapping("/catalog/frameworks/{id}/mapping")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String map(CurrentUser user, Model model, @PathVariable String id, @RequestParam(defaultValue = "") String ref,
               @RequestParam(defaultValue = "") String controls, @RequestParam(defaultValue = "") String noControlReason,
               @RequestParam(defaultValue = "unmapped") String show, @RequestParam(defaultValue = "") String q) {
        try {
            mappings.map(user.workspaceId(), id, ref, forms.mapping(controls, noControlReason), user.actor());
            return "redirect:/catalog/frameworks/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + "/mapping?show="
                    + UriUtils.encodeQueryParam(show, StandardCharsets.UTF_8) + "&q=" + UriUtils.encodeQueryParam(q, StandardCharsets.UTF_8)
                    + "&saved=" + UriUtils.encodeQueryParam(ref, StandardCharsets.UTF_8);
        } catch (InvalidFieldException e) {
            page(model, id, "all", ref);
            model.addAttribute("errors", e.errors());
            model.addAttribute("failedRef", ref);
            model.addAttribute("submittedControls", controls);
            model.addAttribute("submittedReason", noControlReason);
            return "catalog/mapping";
        }
    }
}
