package dev.attest.controls.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import dev.attest.web.CsvWriter;
import dev.attest.controls.ControlState;
import dev.attest.controls.Readiness;
import dev.attest.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Set;

/** The control matrix an auditor asks for: each in-scope requirement with its controls, status and owner. */
@RestController
@Tag(name = "Controls")
@RequiredArgsConstructor
class ControlMatrixApi {

    private final Catalog catalog;
    private final ControlLibrary controls;
    private final Adoptions adoptions;

    @GetMapping(value = {"/api/v1/frameworks/{id}/matrix.csv", "/frameworks/{id}/matrix.csv"}, produces = "text/csv")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "Control matrix as CSV: requirement, control, status, owner (one row per mapping)")
    ResponseEntity<String> matrix(CurrentUser user, @PathVariable String id) {
        Framework framework = catalog.requireFramework(id);
        Set<String> scope = adoptions.scopeOf(user.workspaceId(), framework);
        Map<ControlKey, ControlState> states = controls.states(user.workspaceId());
        StringBuilder body = new StringBuilder();
        CsvWriter csv = new CsvWriter(body).row("requirement", "control", "status", "owner");
        for (Requirement requirement : framework.requirements()) {
            if (!Readiness.inScope(requirement, scope)) {
                continue;
            }
            if (requirement.controls().isEmpty()) {
                csv.row(requirement.ref(), "", "outside_library", "");
            }
            for (ControlKey key : requirement.controls()) {
                ControlState state = states.get(key);
                csv.row(requirement.ref(), key.value(), state.status().wireName(), state.owner());
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-control-matrix.csv\"")
                .body(body.toString());
    }
}
