package dev.attest.catalog.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.ImportShippedFramework;
import dev.attest.identity.CurrentUser;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The import page: upload an OSCAL catalog or profile, or import a shipped 800-53 baseline. */
@Controller
@RequiredArgsConstructor
class OscalImportPages {

    private final OscalImports imports;
    private final CatalogForms forms;
    private final Catalog catalog;

    @GetMapping("/catalog/import")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String page(Model model) {
        model.addAttribute("shipped", ShippedOscal.SHIPPED);
        model.addAttribute("imported", catalog.frameworks().stream().filter(f -> catalog.isImported(f.id())).toList());
        model.addAttribute("errors", Map.of());
        return "catalog/import";
    }

    @PostMapping("/catalog/import")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String upload(CurrentUser user, Model model, @RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(name = "file", required = false) List<MultipartFile> files) throws IOException {
        // a browser sends an empty file part when no file is chosen
        List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        try {
            OscalImports.Result result = imports.importDocuments(user.workspaceId(), forms.importing(id, name, chosen), user.actor());
            return "redirect:/frameworks/" + result.id();
        } catch (InvalidFieldException e) {
            page(model);
            model.addAttribute("errors", e.errors());
            model.addAttribute("id", id);
            return "catalog/import";
        }
    }

    @PostMapping("/catalog/import/shipped")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String shipped(CurrentUser user, Model model, @RequestParam(defaultValue = "") String shipped) {
        try {
            OscalImports.Result result = imports.importShipped(user.workspaceId(), forms.shipped(new ImportShippedFramework(shipped, null)),
                    user.actor());
            return "redirect:/frameworks/" + result.id();
        } catch (InvalidFieldException e) {
            page(model);
            model.addAttribute("errors", e.errors());
            return "catalog/import";
        }
    }
}
