package dev.attest.audits.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.audits.AnswerFinding;
import dev.attest.audits.RaiseFinding;
import dev.attest.audits.AuditFinding;
import dev.attest.identity.CurrentUser;
import dev.attest.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Audit findings and the audit's completion with its signed report. */
@RestController
@RequestMapping("/api/v1/audits/{id}")
@Tag(name = "Audit findings", description = "Findings, the client's answers, closure, and completion with the signed report")
@RequiredArgsConstructor
class FindingsApi {

    private final AuditFindings findings;
    private final AuditCompletion completion;

    @GetMapping("/findings")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "The audit's findings with the client's answers")
    List<AuditFinding> list(CurrentUser user, @PathVariable UUID id) {
        return findings.list(user, id);
    }

    @PostMapping("/findings")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    @Operation(summary = "Raise a finding: exception, minor_nonconformity, major_nonconformity or observation")
    ResponseEntity<AuditFinding> raise(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) RaiseFinding body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(findings.raise(user, id, body));
    }

    @PostMapping("/findings/{findingId}/answer")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    @Operation(summary = "The client's response, root cause, corrective action, owner and due date")
    AuditFinding answer(CurrentUser user, @PathVariable UUID id, @PathVariable UUID findingId, @RequestBody(required = false) AnswerFinding body) {
        return findings.answer(user, id, findingId, body);
    }

    @PostMapping("/findings/{findingId}/close")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    @Operation(summary = "The auditor closes the finding")
    AuditFinding close(CurrentUser user, @PathVariable UUID id, @PathVariable UUID findingId) {
        return findings.close(user, id, findingId);
    }

    @PostMapping("/complete")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    @Operation(summary = "Complete the audit with its signed report (multipart: file (the PDF), issuedOn, confirm, publish)")
    AuditCompletion.Completed complete(CurrentUser user, @PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile report,
                                       @RequestParam(required = false) String issuedOn, @RequestParam(defaultValue = "false") boolean confirm,
                                       @RequestParam(defaultValue = "false") boolean publish) throws IOException {
        LocalDate issued = null;
        if (issuedOn != null && !issuedOn.isBlank()) {
            try {
                issued = LocalDate.parse(issuedOn.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException("issuedOn", "must be a date such as 2027-01-31");
            }
        }
        return completion.complete(user, id, new AuditCompletion.Completion(issued, confirm, publish,
                report == null ? null : report.getOriginalFilename(), report == null ? null : report.getBytes()));
    }
}
