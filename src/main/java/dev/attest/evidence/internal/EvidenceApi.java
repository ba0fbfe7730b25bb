package dev.attest.evidence.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.EvidenceTooLargeException;
import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.evidence.LedgerKey;
import dev.attest.evidence.EvidenceStorageUnavailableException;
import dev.attest.evidence.LedgerVerification;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.CurrentUser;
import dev.attest.crypto.CheckpointFields;
import dev.attest.web.ApiProblems;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.RequestBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/evidence")
@Tag(name = "Evidence", description = "Uploaded evidence, run snapshots and the tamper-evident ledger")
@RequiredArgsConstructor
class EvidenceApi {

    private final EvidenceLocker evidence;

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission(Permission.EVIDENCE_WRITE)
    @Operation(summary = "Upload a file as evidence (multipart: file, title, controls as comma-separated keys, validUntil as a date)")
    ResponseEntity<EvidenceItem> upload(CurrentUser user, @RequestParam(required = false) MultipartFile file,
                                        @RequestParam(required = false) String title,
                                        @RequestParam(required = false) String controls,
                                        @RequestParam(required = false) String validUntil) {
        if (file == null || file.isEmpty()) {
            throw new InvalidFieldException("file", "attach the file as the multipart part 'file'");
        }
        NewEvidence meta = new NewEvidence("upload", title == null || title.isBlank() ? file.getOriginalFilename() : title,
                file.getOriginalFilename(), file.getContentType(), keys(controls), date("validUntil", validUntil), user.actor());
        try (InputStream in = file.getInputStream()) {
            EvidenceItem item = evidence.add(user.workspaceId(), meta, in);
            return ResponseEntity.status(HttpStatus.CREATED).body(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> keys(String controls) {
        return controls == null ? List.of() : Arrays.stream(controls.split("[,\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
    }

    static Instant date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a date (2027-01-31) or an ISO-8601 instant");
        }
    }

    @GetMapping
    @RequiresPermission(Permission.EVIDENCE_READ)
    @Operation(summary = "Evidence, newest first; filters: control, kind (upload, check-results)")
    List<EvidenceItem> list(CurrentUser user, @RequestParam(required = false) String control,
                            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "100") int limit) {
        return evidence.list(user.workspaceId(), control, kind, limit);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.EVIDENCE_READ)
    @Operation(summary = "One piece of evidence's metadata")
    EvidenceItem get(CurrentUser user, @PathVariable UUID id) {
        return evidence.get(user.workspaceId(), id);
    }

    @GetMapping("/{id}/content")
    @RequiresPermission(Permission.EVIDENCE_READ)
    @Operation(summary = "The evidence's bytes, as stored")
    ResponseEntity<InputStreamResource> content(CurrentUser user, @PathVariable UUID id) {
        return download(evidence, user, id);
    }

    /**
     * The evidence's bytes as an attachment named by its hash, for the API and the pages alike. Whoever
     * uploaded them chose their media type, so the response never lets a browser run them in Attest's
     * origin: always an attachment, a type from a list of passive formats (anything else is
     * application/octet-stream), no sniffing, and a CSP that sandboxes the document and allows nothing.
     */
    static ResponseEntity<InputStreamResource> download(EvidenceLocker evidence, CurrentUser user, UUID id) {
        EvidenceItem item = evidence.get(user.workspaceId(), id);
        return ResponseEntity.ok()
                .contentType(DownloadTypes.safe(item.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + item.sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", DownloadTypes.CONTENT_SECURITY_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-SHA256", item.sha256())
                .body(new InputStreamResource(evidence.content(user.workspaceId(), id)));
    }

    @GetMapping("/ledger/verify")
    @RequiresPermission(Permission.EVIDENCE_READ)
    @Operation(summary = "Recompute the ledger's hash chain and check its signed checkpoints; names the first entry that does not match")
    LedgerVerification verify(CurrentUser user) {
        return evidence.verifyLedger(user.workspaceId());
    }

    @PostMapping(value = "/ledger/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.EVIDENCE_READ)
    @Operation(summary = "Verify the ledger and prove it extends earlier checkpoints (a checkpoint's JSON, or an array of them, "
            + "as published on the Trust Center, in audit packages or by GET /ledger/checkpoint); a ledger cut short or rewritten fails")
    LedgerVerification verifyAgainst(CurrentUser user, @RequestBody(required = false) JsonNode body) {
        return evidence.verifyLedger(user.workspaceId(),
                CheckpointFields.read(body, user.workspaceId().toString(), LedgerCheckpoint::new));
    }

    @GetMapping("/ledger/checkpoint")
    @RequiresPermission(Permission.EVIDENCE_READ)
    @Operation(summary = "The newest signed checkpoint (count, hash, time, key id, signature): keep a copy to verify against later")
    LedgerCheckpoint latestCheckpoint(CurrentUser user) {
        return evidence.latestCheckpoint(user.workspaceId())
                .orElseThrow(() -> new NotFoundException("The ledger has no signed checkpoint yet"));
    }

    @GetMapping("/ledger/key")
    @RequiresPermission(Permission.EVIDENCE_READ)
    @Operation(summary = "The keys that verify this workspace's checkpoints (derived from the operator's master key, not read from the "
            + "database); pin the fingerprint: 'verify-ledger EXPORT --key FINGERPRINT'")
    List<LedgerKey> keys(CurrentUser user) {
        return evidence.ledgerKeys(user.workspaceId());
    }

    @GetMapping(value = "/ledger/export", produces = MediaType.TEXT_PLAIN_VALUE)
    @RequiresPermission(Permission.EVIDENCE_READ)
    @Operation(summary = "The ledger export, for 'java -jar attest.jar verify-ledger FILE'")
    void export(CurrentUser user, HttpServletResponse response) throws IOException {
        export(evidence, user, response);
    }

    /** Streams the ledger export as a text attachment, for the API and the pages alike. */
    static void export(EvidenceLocker evidence, CurrentUser user, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attest-ledger.txt\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        evidence.exportLedger(user.workspaceId(), out);
        out.flush();
    }

    @RestControllerAdvice(assignableTypes = EvidenceApi.class)
    @Order(0)
    static class Problems {

        @ExceptionHandler(EvidenceTooLargeException.class)
        ProblemDetail tooLarge(EvidenceTooLargeException e) {
            return ApiProblems.problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", e.getMessage());
        }

        @ExceptionHandler(EvidenceStorageUnavailableException.class)
        ResponseEntity<ProblemDetail> storeUnavailable(EvidenceStorageUnavailableException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                    .body(ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Evidence store unavailable", e.getMessage()));
        }
    }
}
