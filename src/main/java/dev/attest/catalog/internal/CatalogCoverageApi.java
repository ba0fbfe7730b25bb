package dev.attest.catalog.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.Coverage;
import dev.attest.catalog.Overlap;
import dev.attest.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog")
@RequiredArgsConstructor
class CatalogCoverageApi {

    private final Catalog catalog;

    @GetMapping("/coverage")
    @RequiresPermission(Permission.CATALOG_READ)
    @Operation(summary = "Per framework: assessed requirements covered by controls, and those uncovered with their reason")
    List<Coverage> coverage() {
        return catalog.frameworks().stream().map(Coverage::of).toList();
    }

    record OverlapView(String from, String to, int fromControls, int toControls, int sharedCount, int additionalCount,
                       List<String> sharedControls, List<String> additionalControls, int toRequirements,
                       int requirementsAlreadyCovered) {
    }

    @GetMapping("/overlap")
    @RequiresPermission(Permission.CATALOG_READ)
    @Operation(summary = "Adopting framework 'to' on top of 'from': the controls it shares and the N more it needs")
    OverlapView overlap(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (from == null || catalog.framework(from).isEmpty()) {
            errors.put("from", from == null ? "is required" : "'" + from + "' is not a framework of the catalog");
        }
        if (to == null || catalog.framework(to).isEmpty()) {
            errors.put("to", to == null ? "is required" : "'" + to + "' is not a framework of the catalog");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Overlap o = Overlap.of(catalog.requireFramework(from), catalog.requireFramework(to));
        return new OverlapView(o.from(), o.to(), o.fromControls(), o.toControls(), o.sharedControls().size(), o.additionalCount(),
                o.sharedControls(), o.additionalControls(), o.toRequirements(), o.requirementsAlreadyCovered());
    }
}
