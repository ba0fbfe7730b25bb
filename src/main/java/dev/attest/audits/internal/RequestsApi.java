package dev.attest.audits.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.audits.AttachEvidence;
import dev.attest.audits.MoveRequest;
import dev.attest.audits.RaiseRequest;
import dev.attest.audits.AuditRequest;
import dev.attest.identity.CurrentUser;
import dev.attest.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** An audit's request list through the API: raise, generate, import/export as CSV, move through the loop, attach evidence. */
@RestController
@RequestMapping("/api/v1/audits/{id}/requests")
@Tag(name = "Audit requests", description = "The provided-by-client list: requests, their loop and their evidence")
@RequiredArgsConstructor
class RequestsApi {

    private final RequestLists requests;

    @GetMapping
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "The audit's requests by reference, with their attached evidence (ledger entries)")
    List<AuditRequest> list(CurrentUser user, @PathVariable UUID id) {
        return requests.list(user, id);
    }

    @PostMapping
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    @Operation(summary = "Add a request (free text, or about a control in scope)")
    ResponseEntity<AuditRequest> raise(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) RaiseRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(requests.raise(user, id, body));
    }

    @PostMapping("/generate")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    @Operation(summary = "One request per control in scope that has none, naming its evidence kinds")
    ResponseEntity<List<AuditRequest>> generate(CurrentUser user, @PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(requests.generate(user, id));
    }

    @PostMapping(value = "/import/preview", consumes = RequestXlsx.MEDIA_TYPE)
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    @Operation(summary = "Check a request list sent as an Excel workbook (.xlsx, first sheet, same columns as the CSV) without saving anything")
    RequestLists.Preview previewXlsx(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) byte[] workbook) {
        return requests.previewXlsx(user, id, workbook);
    }

    @PostMapping(value = "/import", consumes = RequestXlsx.MEDIA_TYPE)
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    @Operation(summary = "Import a request list sent as an Excel workbook (.xlsx) whole; any bad row refuses it (400 naming row and column)")
    ResponseEntity<List<AuditRequest>> importXlsx(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) byte[] workbook) {
        return ResponseEntity.status(HttpStatus.CREATED).body(requests.importXlsx(user, id, workbook));
    }

    @GetMapping(value = "/export.xlsx", produces = RequestXlsx.MEDIA_TYPE)
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "The request list as an Excel workbook, with status and evidence ledger entries")
    ResponseEntity<byte[]> exportXlsx(CurrentUser user, @PathVariable UUID id) {
        return Downloads.attachment(MediaType.parseMediaType(RequestXlsx.MEDIA_TYPE), "requests-" + id + ".xlsx").body(requests.exportXlsx(user, id));
    }

    @PostMapping("/import/preview")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    @Operation(summary = "Check a CSV request list (reference, request, control, due date, assignee) without saving anything")
    RequestLists.Preview preview(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) String csv) {
        return requests.preview(user, id, csv);
    }

    @PostMapping("/import")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    @Operation(summary = "Import a CSV request list whole; any bad row refuses it (400 naming row and column) and nothing is saved")
    ResponseEntity<List<AuditRequest>> importCsv(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) String csv) {
        return ResponseEntity.status(HttpStatus.CREATED).body(requests.importCsv(user, id, csv));
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "The request list as CSV, with status and evidence ledger entries")
    ResponseEntity<String> export(CurrentUser user, @PathVariable UUID id) {
        return Downloads.attachment(Downloads.CSV, "requests-" + id + ".csv").body(requests.exportCsv(user, id));
    }

    @GetMapping("/{requestId}")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "One request")
    AuditRequest get(CurrentUser user, @PathVariable UUID id, @PathVariable UUID requestId) {
        return requests.get(user, id, requestId);
    }

    @PostMapping("/{requestId}/status")
    @PreAuthorize("hasAnyAuthority('audits:fieldwork', 'audits:manage')")
    @Operation(summary = "submit (client), accept or flag with a comment (auditor)")
    AuditRequest move(CurrentUser user, @PathVariable UUID id, @PathVariable UUID requestId, @RequestBody(required = false) MoveRequest body) {
        return requests.move(user, id, requestId, body);
    }

    @PostMapping(value = "/{requestId}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.AUDITS_MANAGE)
    @Operation(summary = "Attach evidence already in Attest by its id (kept as its ledger entry, not copied)")
    AuditRequest attach(CurrentUser user, @PathVariable UUID id, @PathVariable UUID requestId, @RequestBody(required = false) AttachEvidence body) {
        return requests.attach(user, id, requestId, body);
    }

    @PostMapping(value = "/{requestId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission(Permission.AUDITS_MANAGE)
    @Operation(summary = "Upload a file to the evidence store and ledger and attach it")
    AuditRequest upload(CurrentUser user, @PathVariable UUID id, @PathVariable UUID requestId, @RequestParam(required = false) String title,
                        @RequestParam("file") MultipartFile file) throws IOException {
        return requests.upload(user, id, requestId, title, file.getOriginalFilename(), file.getContentType(), file.getInputStream());
    }
}
