package dev.attest.audits.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.audits.AdvanceAudit;
import dev.attest.audits.InviteAuditor;
import dev.attest.audits.PlanAudit;
import dev.attest.audits.Audit;
import dev.attest.evidence.EvidenceItem;
import dev.attest.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Audit engagements through the API: planning, status, auditors, and what an auditor reads (controls and evidence in scope). */
@RestController
@RequestMapping("/api/v1/audits")
@Tag(name = "Audits", description = "Audit engagements, auditor access and the material in scope")
@RequiredArgsConstructor
class AuditsApi {

    private final Engagements engagements;
    private final AuditorAccess access;
    private final AuditMaterial material;

    @GetMapping
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "The audits the caller may see (an auditor: only those invited to, while access lasts)")
    List<Audit> list(CurrentUser user) {
        return engagements.list(user);
    }

    @PostMapping
    @RequiresPermission(Permission.AUDITS_MANAGE)
    @Operation(summary = "Plan an audit: kind, scope, firm, lead auditor, period, fieldwork dates")
    ResponseEntity<Audit> plan(CurrentUser user, @RequestBody(required = false) PlanAudit body) {
        Audit audit = engagements.plan(user, body);
        return ResponseEntity.created(URI.create("/api/v1/audits/" + audit.id())).body(audit);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "One audit")
    Audit get(CurrentUser user, @PathVariable UUID id) {
        return access.readable(user, id, "audit");
    }

    @PostMapping("/{id}/status")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    @Operation(summary = "Move the audit on: start_fieldwork, start_reporting or withdraw")
    Audit advance(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) AdvanceAudit body) {
        return engagements.advance(user, id, body);
    }

    @GetMapping("/{id}/auditors")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "The auditors invited to the audit and when their access ends")
    List<EngagementStore.Grant> auditors(CurrentUser user, @PathVariable UUID id) {
        return access.auditors(user, id);
    }

    @PostMapping("/{id}/auditors")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    @Operation(summary = "Invite an auditor to this audit; access ends on accessEndsOn or with the audit (endsWithAudit)")
    ResponseEntity<EngagementStore.Grant> invite(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) InviteAuditor body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(access.invite(user, id, body));
    }

    @GetMapping("/{id}/controls")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "The controls the audit's scope covers, with their status")
    List<AuditMaterial.ScopedControl> controls(CurrentUser user, @PathVariable UUID id) {
        return material.controls(user, id);
    }

    @GetMapping("/{id}/evidence")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "Evidence for the controls in scope, collected within the audit period")
    List<EvidenceItem> evidence(CurrentUser user, @PathVariable UUID id) {
        return material.evidence(user, id);
    }

    @GetMapping("/{id}/evidence/{evidenceId}/content")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "Download evidence within the audit's scope and period (recorded on the audit trail)")
    ResponseEntity<InputStreamResource> evidenceContent(CurrentUser user, @PathVariable UUID id, @PathVariable UUID evidenceId) {
        AuditMaterial.Download download = material.download(user, id, evidenceId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + download.item().sha256() + "\"")
                .header("X-Content-SHA256", download.item().sha256())
                .body(new InputStreamResource(download.content()));
    }
}
