package dev.attest.audits.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.audits.EditSoaEntry;
import dev.attest.audits.SoaVersion;
import dev.attest.identity.CurrentUser;
import dev.attest.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The ISO 27001 Statement of Applicability through the API: versions, edits, approval, CSV and PDF. */
@RestController
@RequestMapping("/api/v1/soa")
@Tag(name = "Statement of Applicability", description = "ISO 27001 Annex A applicability, versioned and approved")
@RequiredArgsConstructor
class SoaApi {

    private final StatementOfApplicability soa;

    @GetMapping
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "The latest version with all 93 Annex A controls")
    SoaVersion latest(CurrentUser user) {
        return soa.latest(user);
    }

    @GetMapping("/versions")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "Every version, newest first (without entries)")
    List<SoaVersion> versions(CurrentUser user) {
        return soa.versions(user);
    }

    @PostMapping("/versions")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    @Operation(summary = "Start a new draft: generated from the catalog and controls the first time, else a copy of the approved version")
    ResponseEntity<SoaVersion> create(CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(soa.create(user));
    }

    @GetMapping("/versions/{version}")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "One version with its entries")
    SoaVersion version(CurrentUser user, @PathVariable String version) {
        return soa.version(user, version);
    }

    @PutMapping("/entries/{ref}")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    @Operation(summary = "Edit one Annex A control in the draft (an exclusion needs a justification)")
    SoaVersion edit(CurrentUser user, @PathVariable String ref, @RequestBody(required = false) EditSoaEntry body) {
        return soa.edit(user, ref, body);
    }

    @PostMapping("/approve")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    @Operation(summary = "Approve the draft; the approver must not be its last editor")
    SoaVersion approve(CurrentUser user) {
        return soa.approve(user);
    }

    @GetMapping(value = "/versions/{version}/csv", produces = "text/csv")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "The version as CSV")
    ResponseEntity<String> csv(CurrentUser user, @PathVariable String version) {
        return Downloads.attachment(Downloads.CSV, SoaDocuments.fileName(version, "csv")).body(SoaDocuments.csv(soa.version(user, version)));
    }

    @GetMapping(value = "/versions/{version}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "The version as PDF")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable String version) {
        return Downloads.attachment(MediaType.APPLICATION_PDF, SoaDocuments.fileName(version, "pdf"))
                .body(SoaDocuments.pdf(user.workspaceName(), soa.version(user, version)));
    }
}
