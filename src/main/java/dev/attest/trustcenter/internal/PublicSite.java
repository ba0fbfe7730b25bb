package dev.attest.trustcenter.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.trustcenter.PublishedTrustCenter;
import dev.attest.trustcenter.TrustCenter;
import dev.attest.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * The public pages without forms, served from the rendering cache: the overview, the subprocessor
 * list and history, the feed, the disclosure policy and security.txt. No sign-in, no session.
 */
@Controller
@RequiredArgsConstructor
class PublicSite {

    static final String HTML = "text/html;charset=UTF-8";

    private final TrustCenter trustCenter;
    private final PublicRendering rendering;
    private final RenderCache cache;
    private final PublicAddress address;
    private final LedgerCheckpointPublication ledgerCheckpoint;
    private final tools.jackson.databind.json.JsonMapper json;

    /** The site a visitor sees: its workspace and published snapshot, or empty before the first publish. */
    record Site(WorkspaceId workspace, PublishedTrustCenter published) {
    }

    Optional<Site> site() {
        return trustCenter.publicWorkspace().flatMap(w -> trustCenter.published(w).map(p -> new Site(w, p)));
    }

    /** The site behind a public page with a form, its content put on the model for the layout; 404 before the first publish. */
    Site shownOn(Model model) {
        Site site = site().orElseThrow(() -> new NotFoundException("The Trust Center is not published yet"));
        model.addAttribute("tc", site.published().content());
        model.addAttribute("preview", false);
        return site;
    }

    @GetMapping({"/trust", "/trust/"})
    ResponseEntity<String> overview(HttpServletRequest request) {
        return cached("overview", request, HTML, s -> rendering.overview(s.workspace(), s.published().content(), false));
    }

    @GetMapping("/trust/subprocessors")
    ResponseEntity<String> subprocessors(HttpServletRequest request) {
        return cached("subprocessors", request, HTML, s -> rendering.subprocessorPage(s.workspace(), s.published().content()));
    }

    @GetMapping("/trust/subprocessors.atom")
    ResponseEntity<String> feed(HttpServletRequest request) {
        String base = address.base();
        return cached("atom", request, "application/atom+xml;charset=UTF-8",
                s -> rendering.atom(s.workspace(), s.published().content(), s.published().publishedAt(), base));
    }

    @GetMapping("/trust/shared-responsibility")
    ResponseEntity<String> sharedResponsibility(HttpServletRequest request) {
        return cached("shared-responsibility", request, HTML, s -> s.published().content().sharedResponsibility()
                ? rendering.sharedResponsibility(s.workspace(), s.published().content(), s.published().publishedAt()) : null);
    }

    /** The published matrix as CSV, for customers' security questionnaires. */
    @GetMapping("/trust/shared-responsibility.csv")
    ResponseEntity<String> sharedResponsibilityCsv(HttpServletRequest request) {
        return cached("shared-responsibility.csv", request, "text/csv;charset=UTF-8", s -> s.published().content().sharedResponsibility()
                ? PublicRendering.sharedResponsibilityCsv(s.published().content()) : null);
    }

    @GetMapping("/trust/disclosure")
    ResponseEntity<String> disclosure(HttpServletRequest request) {
        return cached("disclosure", request, HTML, s -> rendering.disclosure(s.published().content()));
    }

    /** The published ledger checkpoint as JSON, exactly what the verifiers take back (404 unless the workspace opted in). */
    @GetMapping("/trust/ledger-checkpoint.json")
    ResponseEntity<String> ledgerCheckpoint(HttpServletRequest request) {
        return cached("ledger-checkpoint", request, "application/json",
                s -> ledgerCheckpoint.shown(s.workspace()).map(shown -> json.writeValueAsString(shown.checkpoint())).orElse(null));
    }

    @GetMapping("/.well-known/security.txt")
    ResponseEntity<String> securityTxt(HttpServletRequest request) {
        String base = address.base();
        return cached("security.txt", request, "text/plain;charset=UTF-8",
                s -> s.published().content().securityContact() == null ? null : rendering.securityTxt(s.published().content(), base));
    }

    private ResponseEntity<String> cached(String page, HttpServletRequest request, String contentType, Function<Site, String> render) {
        RenderCache.Entry rendered = cache.get(page, () -> {
            Optional<Site> site = site();
            String body = site.map(render).orElse(null);
            return body == null
                    ? new RenderCache.Page(404, "text/plain;charset=UTF-8", "The Trust Center is not published yet.\n", null)
                    : new RenderCache.Page(200, contentType, body, null);
        });
        return ResponseEntity.status(rendered.page().status()).header("Content-Type", rendered.page().contentType())
                .header("Cache-Control", "public, max-age=60")
                .body(rendered.page().body());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
