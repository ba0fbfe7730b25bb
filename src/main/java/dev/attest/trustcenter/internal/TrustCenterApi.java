package dev.attest.trustcenter.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.trustcenter.PublishedTrustCenter;
import dev.attest.trustcenter.TrustCenter;
import dev.attest.trustcenter.TrustCenterContent;
import dev.attest.web.InvalidFieldException;
import dev.attest.trustcenter.EditDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/trust-center")
@Tag(name = "Trust Center", description = "The public Trust Center: draft and publish, documents and access requests, subprocessor notices")
@RequiredArgsConstructor
class TrustCenterApi {

    private final TrustCenter trustCenter;
    private final DocumentAccess access;
    private final SubprocessorNotices subprocessors;
    private final PublicAddress address;
    private final Publication publication;

    @GetMapping("/draft")
    @RequiresPermission(Permission.TRUST_CENTER_READ)
    @Operation(summary = "The draft the admins edit")
    TrustCenterContent draft(CurrentUser user) {
        return trustCenter.draft(user.workspaceId());
    }

    @PutMapping("/draft")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    @Operation(summary = "Replace the draft; nothing public changes until it is published")
    TrustCenterContent saveDraft(CurrentUser user, @RequestBody EditDraft draft) {
        return trustCenter.saveDraft(user.workspaceId(), draft, user.actor());
    }

    @GetMapping("/published")
    @RequiresPermission(Permission.TRUST_CENTER_READ)
    @Operation(summary = "What the public site shows, with who published it when (404 before the first publish)")
    PublishedTrustCenter published(CurrentUser user) {
        return trustCenter.published(user.workspaceId()).orElseThrow(() -> new dev.attest.web.NotFoundException("Not published yet"));
    }

    @PostMapping("/publish")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    @Operation(summary = "Publish the draft: it replaces the public site at once")
    PublishedTrustCenter publish(CurrentUser user) {
        return publication.publish(user.workspaceId(), user.actor());
    }

    record DocumentView(UUID id, String title, String kind, boolean gated, String fileName, String sha256, Instant uploadedAt) {
        static DocumentView of(DocumentStore.Document d) {
            return new DocumentView(d.id(), d.title(), d.kind(), d.gated(), d.fileName(), d.sha256(), d.uploadedAt());
        }
    }

    @PostMapping("/documents")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    @Operation(summary = "Upload a PDF (the request body); list it on the site by adding its id to the draft's documents")
    ResponseEntity<DocumentView> upload(CurrentUser user, @RequestParam(required = false) String title,
                                        @RequestParam(required = false) String kind,
                                        @RequestParam(defaultValue = "true") boolean gated,
                                        @RequestParam(required = false) String fileName, @RequestBody(required = false) byte[] content) {
        DocumentStore.Document document = access.upload(user.workspaceId(), title, kind, gated, fileName, content, user.actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(DocumentView.of(document));
    }

    @GetMapping("/documents")
    @RequiresPermission(Permission.TRUST_CENTER_READ)
    @Operation(summary = "Every uploaded document")
    List<DocumentView> documents(CurrentUser user) {
        return access.documents(user.workspaceId()).stream().map(DocumentView::of).toList();
    }

    record RequestView(UUID id, UUID documentId, String name, String email, String company, String reason, String ndaVersion,
                       Instant ndaAcceptedAt, String address, String status, String decidedBy, Instant decidedAt, Instant expiresAt) {
        static RequestView of(DocumentStore.AccessRequest r) {
            return new RequestView(r.id(), r.documentId(), r.name(), r.email(), r.company(), r.reason(), r.ndaVersion(), r.ndaAcceptedAt(),
                    r.address(), r.status(), r.decidedBy(), r.decidedAt(), r.expiresAt());
        }
    }

    @GetMapping("/requests")
    @RequiresPermission(Permission.TRUST_CENTER_READ)
    @Operation(summary = "Every access request with its NDA acceptance (version hash, time, address) and decision")
    List<RequestView> requests(CurrentUser user) {
        return access.requests(user.workspaceId()).stream().map(RequestView::of).toList();
    }

    @PostMapping("/requests/{id}/approve")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    @Operation(summary = "Approve a pending request: the requester is emailed a personal link that expires")
    Map<String, String> approve(CurrentUser user, @PathVariable UUID id, HttpServletRequest request) {
        access.approve(user.workspaceId(), publishedContent(user), id, user.actor(), address.base());
        return Map.of("status", "approved");
    }

    @PostMapping("/requests/{id}/deny")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    @Operation(summary = "Deny a pending request")
    Map<String, String> deny(CurrentUser user, @PathVariable UUID id) {
        access.deny(user.workspaceId(), id, user.actor());
        return Map.of("status", "denied");
    }

    @GetMapping("/activity")
    @RequiresPermission(Permission.TRUST_CENTER_READ)
    @Operation(summary = "Views and downloads per company, person and document")
    List<DocumentStore.Activity> activity(CurrentUser user) {
        return access.activity(user.workspaceId());
    }

    record SubprocessorsView(List<SubprocessorStore.Entry> current, List<SubprocessorStore.Notice> history) {
    }

    @GetMapping("/subprocessors")
    @RequiresPermission(Permission.TRUST_CENTER_READ)
    @Operation(summary = "The public subprocessor list today and every notice")
    SubprocessorsView subprocessors(CurrentUser user) {
        return new SubprocessorsView(subprocessors.current(user.workspaceId()), subprocessors.history(user.workspaceId()));
    }

    @PostMapping("/subprocessors/first-list")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    @Operation(summary = "Publish today's subprocessors from the vendor register as the first list (only while the list is empty)")
    Map<String, Integer> firstList(CurrentUser user) {
        return Map.of("listed", subprocessors.publishFirstList(user.workspaceId(), user.actor()));
    }

    record AnnouncementRequest(String kind, UUID vendorId, UUID replaces, String effectiveOn) {
    }

    @PostMapping("/subprocessors/notices")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    @Operation(summary = "Announce an added, replaced or removed subprocessor, effective at least the notice period ahead")
    ResponseEntity<SubprocessorStore.Notice> announce(CurrentUser user, @RequestBody AnnouncementRequest body, HttpServletRequest request) {
        LocalDate effective;
        try {
            effective = body.effectiveOn() == null || body.effectiveOn().isBlank() ? null : LocalDate.parse(body.effectiveOn());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidFieldException("effectiveOn", "must be a date as YYYY-MM-DD");
        }
        SubprocessorStore.Notice notice = subprocessors.announce(user.workspaceId(), publishedContent(user),
                new SubprocessorNotices.Announcement(body.kind(), body.vendorId(), body.replaces(), effective), user.actor(), address.base());
        return ResponseEntity.status(HttpStatus.CREATED).body(notice);
    }

    private TrustCenterContent publishedContent(CurrentUser user) {
        return trustCenter.published(user.workspaceId()).map(PublishedTrustCenter::content)
                .orElseThrow(() -> new InvalidFieldException("trustCenter", "publish the Trust Center first"));
    }
}
