package dev.attest.catalog.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.catalog.MapRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/frameworks/{id}")
@Tag(name = "Catalog", description = "Frameworks and their requirements")
@RequiredArgsConstructor
class RequirementMappingApi {

    private final RequirementMappings mappings;
    private final CatalogForms forms;

    @PutMapping("/requirements/{ref}/mapping")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Map a requirement of an imported framework: {\"controls\": [\"AC-01\"]}, or {\"controls\": [], "
            + "\"noControlReason\": \"...\"}; both empty leaves it unmapped. Shipped frameworks are mapped in the catalog files (400)")
    CatalogApi.RequirementView map(CurrentUser user, @PathVariable String id, @PathVariable String ref,
                                   @RequestBody(required = false) MapRequirement command) {
        return CatalogApi.RequirementView.of(mappings.map(user.workspaceId(), id, ref, forms.mapping(command), user.actor()));
    }

    @GetMapping("/unmapped")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "The framework's assessed requirements mapped to no control and without a reason, in its order")
    List<CatalogApi.RequirementView> unmapped(@PathVariable String id) {
        return mappings.unmapped(id).stream().map(CatalogApi.RequirementView::of).toList();
    }

}
