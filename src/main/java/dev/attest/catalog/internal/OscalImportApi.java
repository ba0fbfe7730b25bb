package dev.attest.catalog.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.ImportShippedFramework;
import dev.attest.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/v1/frameworks/import")
@Tag(name = "Catalog", description = "Frameworks and their requirements")
@RequiredArgsConstructor
class OscalImportApi {

    private final OscalImports imports;
    private final CatalogForms forms;
    private final Catalog catalog;

    record ShippedView(String shipped, String name, boolean imported) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Import an OSCAL 1.x catalog, or a profile (baseline) with the catalog it imports, in XML or JSON, as a "
            + "framework (parts: file, repeated; fields: id, name). Every document is validated against the OSCAL 1.1.3 schemas; "
            + "an invalid or unresolvable document is a 400 naming the path and the rule, and nothing is imported")
    ResponseEntity<OscalImports.Result> upload(CurrentUser user, @RequestParam(required = false) String id,
                                               @RequestParam(required = false) String name,
                                               @RequestParam(name = "file", required = false) List<MultipartFile> files) throws IOException {
        return created(imports.importDocuments(user.workspaceId(), forms.importing(id, name, files), user.actor()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Import a framework shipped as OSCAL: {\"shipped\": \"nist-800-53-moderate\"} (also nist-800-53, -low, -high), "
            + "with the control library's mapping to 800-53; optional id")
    ResponseEntity<OscalImports.Result> shipped(CurrentUser user, @RequestBody ImportShippedFramework request) {
        return created(imports.importShipped(user.workspaceId(), forms.shipped(request), user.actor()));
    }

    private static ResponseEntity<OscalImports.Result> created(OscalImports.Result result) {
        return ResponseEntity.created(URI.create("/api/v1/frameworks/" + result.id())).body(result);
    }

    @GetMapping("/shipped")
    @RequiresPermission(Permission.CATALOG_READ)
    @Operation(summary = "The frameworks shipped as OSCAL documents, and whether each is imported under its own id")
    List<ShippedView> shippedList() {
        return ShippedOscal.SHIPPED.stream().map(s -> new ShippedView(s.id(), s.name(), catalog.framework(s.id()).isPresent())).toList();
    }
}
