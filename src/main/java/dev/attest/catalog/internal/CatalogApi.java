package dev.attest.catalog.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/frameworks")
@Tag(name = "Catalog", description = "Frameworks and their requirements")
@RequiredArgsConstructor
class CatalogApi {

    private final Catalog catalog;

    record FrameworkSummary(String id, String name, String version, String edition, long requirementCount) {
        static FrameworkSummary of(Framework f) {
            return new FrameworkSummary(f.id(), f.name(), f.version(), f.edition(), f.assessedCount());
        }
    }

    record RequirementView(String ref, String citation, String title, String parent, boolean group, String summary,
                           String category, String specification, boolean serviceProviderOnly, List<String> controls,
                           String noControlReason) {
        static RequirementView of(Requirement r) {
            return new RequirementView(r.ref(), r.citation(), r.title(), r.parent(), r.group(), r.summary(), r.category(),
                    r.specification(), r.serviceProviderOnly(), r.controls().stream().map(Object::toString).toList(),
                    r.noControlReason());
        }
    }

    @GetMapping
    @RequiresPermission(Permission.CATALOG_READ)
    @Operation(summary = "All frameworks of the catalog; requirementCount counts assessed requirements, headings left out")
    List<FrameworkSummary> frameworks() {
        return catalog.frameworks().stream().map(FrameworkSummary::of).toList();
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.CATALOG_READ)
    @Operation(summary = "One framework")
    FrameworkSummary framework(@PathVariable String id) {
        return FrameworkSummary.of(catalog.requireFramework(id));
    }

    @GetMapping("/{id}/requirements")
    @RequiresPermission(Permission.CATALOG_READ)
    @Operation(summary = "A framework's requirements in its own order, headings (group: true) included")
    List<RequirementView> requirements(@PathVariable String id) {
        return catalog.requireFramework(id).requirements().stream().map(RequirementView::of).toList();
    }

    @GetMapping("/{id}/requirements/{ref}")
    @RequiresPermission(Permission.CATALOG_READ)
    @Operation(summary = "One requirement, by its ref or by the other form its publisher cites (HIPAA 164.308(a)(1)(i) "
            + "finds 164.308(a)(1)); 404 when the framework has no such requirement")
    RequirementView requirement(@PathVariable String id, @PathVariable String ref) {
        Framework framework = catalog.requireFramework(id);
        return framework.requirement(ref).map(RequirementView::of)
                .orElseThrow(() -> new RequirementNotFoundException(framework, ref));
    }
}
