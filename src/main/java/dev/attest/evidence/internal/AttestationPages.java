package dev.attest.evidence.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.controls.WorkspaceControls;
import dev.attest.evidence.EvidenceFreshness;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The attestation card of a control's page: its owner attests with a comment; anyone else who posts
 * gets the refusal as the form's message (a 403 when the form was not sent by htmx, which swaps only
 * successful responses).
 */
@Controller
@RequiredArgsConstructor
class AttestationPages {

    private final EvidenceFreshness freshness;
    private final EvidenceProof proof;
    private final WorkspaceControls controls;
    private final Catalog catalog;

    @PostMapping("/evidence/attestations")
    @RequiresPermission(Permission.EVIDENCE_WRITE)
    String attest(CurrentUser user, @RequestParam(defaultValue = "") String control, @RequestParam(defaultValue = "") String comment,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        String key = catalog.requireControl(control.strip()).key().value();
        try {
            freshness.attest(user.workspaceId(), key, user.email(), comment);
            model.addAttribute("attested", true);
            comment = "";
        } catch (AccessDeniedException e) {
            model.addAttribute("attestError", e.getMessage());
            if (!Htmx.isHtmx(request)) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            }
        } catch (InvalidFieldException e) {
            model.addAttribute("commentError", e.errors().get("comment"));
            if (!Htmx.isHtmx(request)) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        String owner = controls.get(user.workspaceId(), key).owner();
        model.addAttribute("attestControl", key);
        model.addAttribute("attestOwner", owner);
        model.addAttribute("attestComment", comment);
        model.addAttribute("canAttest", owner != null && owner.equalsIgnoreCase(user.email()) && user.can(Permission.EVIDENCE_WRITE));
        model.addAttribute("lastAttestation", proof.evidence(user.workspaceId(), new ControlKey(key), 50).stream()
                .filter(e -> "attestation".equals(e.kind())).findFirst().orElse(null));
        return Htmx.view(request, "evidence/attestation", "attestation");
    }
}
