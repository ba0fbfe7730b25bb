package dev.attest.trustcenter.internal;

import dev.attest.crypto.Tokens;
import dev.attest.identity.WorkspaceId;
import dev.attest.trustcenter.DocumentAccessDecided;
import dev.attest.trustcenter.DocumentAccessRequested;
import dev.attest.trustcenter.DocumentUploaded;
import dev.attest.trustcenter.RequestDocumentAccess;
import dev.attest.trustcenter.TrustCenter;
import dev.attest.trustcenter.TrustCenterContent;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Gated documents: upload, requests with the NDA accepted, approval (by an admin or for an
 * allowed domain), the emailed link bound to the requester, and the watermarked download. Every
 * view and download is recorded.
 */
@Service
@RequiredArgsConstructor
class DocumentAccess {

    static final Set<String> KINDS = Set.of("soc2-report", "iso-certificate", "pentest-summary", "pci-attestation",
            "insurance-certificate", "other");
    static final int MAX_BYTES = 20 * 1024 * 1024;


    private final DocumentStore store;
    private final Mail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The state of a link a visitor opens. */
    enum LinkState { VALID, EXPIRED, UNKNOWN }

    record Link(LinkState state, DocumentStore.AccessRequest request) {
    }

    static String newToken() {
        return Tokens.urlSafe(32);
    }

    @Transactional
    DocumentStore.Document upload(WorkspaceId workspace, String title, String kind, boolean gated, String fileName, byte[] content,
                                  String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title == null || title.isBlank() || title.length() > 200) {
            errors.put("title", "is required, at most 200 characters");
        }
        if (kind == null || !KINDS.contains(kind)) {
            errors.put("kind", "must be one of " + String.join(", ", KINDS.stream().sorted().toList()));
        }
        if (content == null || content.length < 5 || !new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            errors.put("file", "must be a PDF");
        } else if (content.length > MAX_BYTES) {
            errors.put("file", "at most 20 MB");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        String name = fileName == null || fileName.isBlank() ? title.trim() + ".pdf" : fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        DocumentStore.Document document = new DocumentStore.Document(UUID.randomUUID(), title.trim(), kind, gated, name,
                TrustCenter.sha256(content), clock.instant(), actor);
        store.insert(workspace, document, content);
        events.publishEvent(new DocumentUploaded(workspace, document.id(), document.title(), gated, actor));
        return document;
    }

    /** A listed document of the published site; anything else is a 404. */
    DocumentStore.Document listed(WorkspaceId workspace, TrustCenterContent published, UUID id) {
        if (!published.documents().contains(id)) {
            throw new NotFoundException("No such document");
        }
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("No such document"));
    }

    /**
     * Records a request with the NDA accepted, and approves it at once when the email's domain is
     * allowed. Returns whether it was approved.
     */
    @Transactional
    boolean request(WorkspaceId workspace, TrustCenterContent published, DocumentStore.Document document, RequestDocumentAccess form,
                    String address, String base, java.util.function.BooleanSupplier withinLimits) {
        Instant now = clock.instant();
        String domain = form.domain();
        boolean automatic = published.allowedDomains().contains(domain);
        if (!withinLimits.getAsBoolean()) {
            // Over a public-form limit: nothing is kept or sent, and the visitor is told what they would have been told.
            return automatic;
        }
        UUID id = UUID.randomUUID();
        store.insertRequest(workspace, new DocumentStore.AccessRequest(id, document.id(), form.name(), form.email(), form.company(), form.reason(),
                TrustCenter.sha256(published.ndaText()), now, address, "pending", null, null, null, now));
        events.publishEvent(new DocumentAccessRequested(workspace, id, document.title(), form.company(), automatic, "visitor:" + form.email()));
        if (automatic) {
            approve(workspace, published, id, "system (allowed domain " + domain + ")", base);
        }
        return automatic;
    }

    /** Approves a pending request and emails the requester a link that expires. */
    @Transactional
    void approve(WorkspaceId workspace, TrustCenterContent published, UUID requestId, String actor, String base) {
        DocumentStore.AccessRequest request = pending(workspace, requestId);
        DocumentStore.Document document = store.find(workspace, request.documentId()).orElseThrow();
        String token = newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(published.linkDays()));
        store.decide(workspace, requestId, "approved", actor, now, TrustCenter.sha256(token), expires);
        events.publishEvent(new DocumentAccessDecided(workspace, requestId, document.title(), request.company(), true, actor));
        mail.send(request.email(), document.title() + ": your access link",
                "Hello " + request.name() + ",\n\nYour request for \"" + document.title() + "\" was approved.\n"
                        + "Open it here (the link is for you only and expires on "
                        + DateTimeFormatter.ISO_LOCAL_DATE.format(expires.atOffset(ZoneOffset.UTC)) + "):\n\n"
                        + base + "/trust/access/" + token + "\n\nEach download carries your email address.\n", Map.of());
    }

    @Transactional
    void deny(WorkspaceId workspace, UUID requestId, String actor) {
        DocumentStore.AccessRequest request = pending(workspace, requestId);
        DocumentStore.Document document = store.find(workspace, request.documentId()).orElseThrow();
        store.decide(workspace, requestId, "denied", actor, clock.instant(), null, null);
        events.publishEvent(new DocumentAccessDecided(workspace, requestId, document.title(), request.company(), false, actor));
    }

    private DocumentStore.AccessRequest pending(WorkspaceId workspace, UUID requestId) {
        DocumentStore.AccessRequest request = store.request(workspace, requestId).orElseThrow(() -> new NotFoundException("No such request"));
        if (!"pending".equals(request.status())) {
            throw new InvalidFieldException("status", "this request was already " + request.status());
        }
        return request;
    }

    Link link(WorkspaceId workspace, String token) {
        Optional<DocumentStore.AccessRequest> request = token == null || token.length() > 100 ? Optional.empty()
                : store.requestByToken(workspace, TrustCenter.sha256(token));
        if (request.isEmpty() || !request.get().approved()) {
            return new Link(LinkState.UNKNOWN, null);
        }
        if (!clock.instant().isBefore(request.get().expiresAt())) {
            return new Link(LinkState.EXPIRED, request.get());
        }
        return new Link(LinkState.VALID, request.get());
    }

    static boolean sameEmail(DocumentStore.AccessRequest request, String email) {
        return email != null && request.email().equalsIgnoreCase(email.trim());
    }

    @Transactional
    void recordView(WorkspaceId workspace, DocumentStore.AccessRequest request, String address) {
        store.record(workspace, request.documentId(), request.id(), request.email(), request.company(), "view", address, clock.instant());
    }

    /** The document stamped with the requester's email and today's date; the download is recorded. */
    @Transactional
    byte[] download(WorkspaceId workspace, DocumentStore.AccessRequest request, String address) {
        byte[] pdf = store.content(workspace, request.documentId());
        String date = DateTimeFormatter.ISO_LOCAL_DATE.format(clock.instant().atOffset(ZoneOffset.UTC));
        store.record(workspace, request.documentId(), request.id(), request.email(), request.company(), "download", address, clock.instant());
        return Watermark.stamp(pdf, "Confidential - provided to " + request.email() + " on " + date);
    }

    /** A public document as it is; the download is recorded with the visitor's address only. */
    @Transactional
    byte[] publicDownload(WorkspaceId workspace, DocumentStore.Document document, String address) {
        store.record(workspace, document.id(), null, null, null, "download", address, clock.instant());
        return store.content(workspace, document.id());
    }

    List<DocumentStore.AccessRequest> requests(WorkspaceId workspace) {
        return store.requests(workspace);
    }

    List<DocumentStore.Activity> activity(WorkspaceId workspace) {
        return store.activity(workspace);
    }

    List<DocumentStore.Document> documents(WorkspaceId workspace) {
        return store.all(workspace);
    }

    Optional<DocumentStore.Document> document(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id);
    }
}
