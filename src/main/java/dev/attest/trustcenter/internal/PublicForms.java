package dev.attest.trustcenter.internal;

import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.PublicFormLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The public pages with forms (never cached): asking for a gated document with the NDA, opening the
 * emailed link and downloading ({@link SubscriptionPages} has the notice subscriptions). Each form has a hidden
 * honeypot field that people leave empty, and submissions are limited per client and per email address
 * ({@link PublicFormLimits}); a refused one is answered like an accepted one.
 */
@Controller
@RequiredArgsConstructor
class PublicForms {

    static final String HONEYPOT = "extra_info";
    private static final String VERIFIED = "trust.verified-requests";

    private final PublicSite site;
    private final DocumentAccess access;
    private final PublicFormLimits limits;
    private final PublicAddress address;
    private final TrustCenterForms forms;

    static String message(Model model, HttpServletResponse response, int status, String title, String text) {
        response.setStatus(status);
        model.addAttribute("title", title);
        model.addAttribute("text", text);
        return "trustcenter/public/message";
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return notFound(site, model, response);
    }

    /** The public 404 page in the Trust Center's layout, for the public pages with forms. */
    static String notFound(PublicSite site, Model model, HttpServletResponse response) {
        model.addAttribute("tc", site.site().map(s -> s.published().content())
                .orElseGet(() -> dev.attest.trustcenter.TrustCenterContent.empty("Our")));
        model.addAttribute("preview", false);
        return message(model, response, 404, "Not found", "There is nothing here. The document may no longer be listed.");
    }

    @GetMapping("/trust/documents/{id}")
    Object document(@PathVariable UUID id, HttpServletRequest request, Model model) {
        PublicSite.Site s = site.shownOn(model);
        DocumentStore.Document document = access.listed(s.workspace(), s.published().content(), id);
        if (!document.gated()) {
            byte[] pdf = access.publicDownload(s.workspace(), document, request.getRemoteAddr());
            return pdf(pdf, document.fileName());
        }
        prepareRequestForm(model, document, Map.of("name", "", "email", "", "company", "", "reason", ""), Map.of());
        return "trustcenter/public/request";
    }

    private void prepareRequestForm(Model model, DocumentStore.Document document, Map<String, String> form,
                                    Map<String, String> errors) {
        model.addAttribute("document", document);
        model.addAttribute("kind", PublicRendering.kindLabel(document.kind()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    @PostMapping("/trust/documents/{id}/request")
    String requestAccess(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model,
                         @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
                         @RequestParam(defaultValue = "") String company, @RequestParam(defaultValue = "") String reason,
                         @RequestParam(required = false) String nda, @RequestParam(name = HONEYPOT, defaultValue = "") String honeypot) {
        PublicSite.Site s = site.shownOn(model);
        DocumentStore.Document document = access.listed(s.workspace(), s.published().content(), id);
        if (!honeypot.isEmpty()) {
            // A bot filled the field people cannot see: answer as if it worked, keep nothing.
            return message(model, response, 200, "Request received", "Thank you. We will email you a link when your request is approved.");
        }
        try {
            boolean approved = access.request(s.workspace(), s.published().content(), document,
                    forms.accessRequest(name, email, company, reason, nda), request.getRemoteAddr(),
                    address.base(), () -> limits.allow("trust.document-request", request.getRemoteAddr(), email));
            return message(model, response, 200, "Request received", approved
                    ? "Your email domain is approved for this document: we have sent you a link to open it."
                    : "Thank you. We will email you a link when your request is approved.");
        } catch (InvalidFieldException e) {
            response.setStatus(400);
            prepareRequestForm(model, document, Map.of("name", name, "email", email, "company", company, "reason", reason), e.errors());
            return "trustcenter/public/request";
        }
    }

    @GetMapping("/trust/access/{token}")
    String link(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        PublicSite.Site s = site.shownOn(model);
        response.setHeader("Cache-Control", "no-store");
        DocumentAccess.Link link = access.link(s.workspace(), token);
        String refused = refusal(link, model, response);
        if (refused != null) {
            return refused;
        }
        model.addAttribute("token", token);
        model.addAttribute("document", access.document(s.workspace(), link.request().documentId()).orElseThrow());
        if (!verified(request.getSession(false), link.request().id())) {
            return "trustcenter/public/confirm-email";
        }
        access.recordView(s.workspace(), link.request(), request.getRemoteAddr());
        model.addAttribute("expiresAt", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .format(link.request().expiresAt().atOffset(java.time.ZoneOffset.UTC)));
        return "trustcenter/public/access";
    }

    @PostMapping("/trust/access/{token}")
    String confirmEmail(@PathVariable String token, @RequestParam(defaultValue = "") String email, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        PublicSite.Site s = site.shownOn(model);
        DocumentAccess.Link link = access.link(s.workspace(), token);
        String refused = refusal(link, model, response);
        if (refused != null) {
            return refused;
        }
        if (!DocumentAccess.sameEmail(link.request(), email)) {
            return message(model, response, 403, "This link is not yours",
                    "This link was issued to someone else. Ask for the document yourself from the Trust Center.");
        }
        HttpSession session = request.getSession(true);
        @SuppressWarnings("unchecked")
        Set<UUID> ids = (Set<UUID>) session.getAttribute(VERIFIED);
        Set<UUID> updated = ids == null ? new HashSet<>() : new HashSet<>(ids);
        updated.add(link.request().id());
        session.setAttribute(VERIFIED, updated);
        return "redirect:/trust/access/" + token;
    }

    @GetMapping("/trust/access/{token}/download")
    Object download(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        PublicSite.Site s = site.shownOn(model);
        DocumentAccess.Link link = access.link(s.workspace(), token);
        String refused = refusal(link, model, response);
        if (refused != null) {
            return refused;
        }
        if (!verified(request.getSession(false), link.request().id())) {
            return "redirect:/trust/access/" + token;
        }
        DocumentStore.Document document = access.document(s.workspace(), link.request().documentId()).orElseThrow();
        return pdf(access.download(s.workspace(), link.request(), request.getRemoteAddr()), document.fileName());
    }

    private static String refusal(DocumentAccess.Link link, Model model, HttpServletResponse response) {
        return switch (link.state()) {
            case VALID -> null;
            case EXPIRED -> message(model, response, 410, "This link has expired",
                    "Links to our documents are valid for a limited time. Ask for the document again from the Trust Center.");
            case UNKNOWN -> message(model, response, 404, "This link is not valid",
                    "The link is unknown or was mistyped. Ask for the document from the Trust Center.");
        };
    }

    @SuppressWarnings("unchecked")
    private static boolean verified(HttpSession session, UUID requestId) {
        return session != null && session.getAttribute(VERIFIED) instanceof Set<?> ids && ((Set<UUID>) ids).contains(requestId);
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
        return ResponseEntity.ok().header("Content-Type", "application/pdf")
                .header("Content-Disposition", ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("Cache-Control", "no-store")
                .body(bytes);
    }
}
