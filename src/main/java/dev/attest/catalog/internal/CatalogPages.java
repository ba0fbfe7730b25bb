package dev.attest.catalog.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.Coverage;
import dev.attest.catalog.Framework;
import dev.attest.catalog.FrameworkAdoption;
import dev.attest.catalog.Overlap;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The coverage page: how the library covers each framework, and what a second framework adds. A
 * workspace that has adopted no framework is sent to the setup checklist to choose (adoption is
 * told through {@link FrameworkAdoption}).
 */
@Controller
@RequiredArgsConstructor
class CatalogPages {

    private final Catalog catalog;
    private final ObjectProvider<FrameworkAdoption> adoption;

    @GetMapping("/catalog/coverage")
    @RequiresPermission(Permission.CATALOG_READ)
    String coverage(dev.attest.identity.CurrentUser user, Model model, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        List<Framework> frameworks = catalog.frameworks();
        Framework a = catalog.framework(from == null ? "soc2" : from).orElse(frameworks.get(0));
        Framework b = catalog.framework(to == null ? "iso27001" : to).orElse(frameworks.get(Math.min(1, frameworks.size() - 1)));
        Overlap overlap = Overlap.of(a, b);
        model.addAttribute("frameworks", frameworks);
        model.addAttribute("coverage", frameworks.stream().map(Coverage::of).toList());
        model.addAttribute("from", a);
        model.addAttribute("to", b);
        model.addAttribute("overlap", overlap);
        model.addAttribute("additional", overlap.additionalControls().stream().map(catalog::requireControl).toList());
        model.addAttribute("catalogVersion", catalog.version());
        model.addAttribute("canImport", user.can(dev.attest.identity.Permission.WORKSPACE_ADMIN));
        model.addAttribute("controlCount", catalog.controls().size());
        model.addAttribute("domainCount", catalog.domains().size());
        model.addAttribute("mappingCount", catalog.mappingCount());
        FrameworkAdoption adopted = adoption.getIfAvailable();
        model.addAttribute("noneAdopted", adopted != null && adopted.adoptedFrameworks(user.workspaceId()).isEmpty());
        return "catalog/coverage";
    }
}
