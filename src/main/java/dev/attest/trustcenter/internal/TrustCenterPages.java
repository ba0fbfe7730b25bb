package dev.attest.trustcenter.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.trustcenter.Certification;
import dev.attest.trustcenter.Faq;
import dev.attest.trustcenter.PublishedTrustCenter;
import dev.attest.trustcenter.TrustCenter;
import dev.attest.trustcenter.TrustCenterContent;
import dev.attest.vendors.Vendors;
import dev.attest.web.InvalidFieldException;
import dev.attest.trustcenter.EditDraft;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The admin side of the Trust Center: edit the draft, preview, publish, documents, requests, subprocessor notices. */
@Controller
@RequiredArgsConstructor
class TrustCenterPages {

    private final TrustCenter trustCenter;
    private final PublicRendering rendering;
    private final DocumentAccess access;
    private final SubprocessorNotices subprocessors;
    private final Vendors vendors;
    private final Catalog catalog;
    private final PublicAddress address;
    private final Publication publication;
    private final TrustCenterForms forms;

    @GetMapping("/trust-center")
    @RequiresPermission(Permission.TRUST_CENTER_READ)
    String edit(CurrentUser user, Model model) {
        prepare(user, model, trustCenter.draft(user.workspaceId()), Map.of());
        return "trustcenter/edit";
    }

    private void prepare(CurrentUser user, Model model, TrustCenterContent draft, Map<String, String> errors) {
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("published", trustCenter.published(user.workspaceId()).orElse(null));
        model.addAttribute("domains", catalog.domains());
        model.addAttribute("controls", catalog.controls());
        model.addAttribute("documents", access.documents(user.workspaceId()));
        model.addAttribute("canEdit", user.can(Permission.TRUST_CENTER_WRITE));
        List<Certification> certs = new ArrayList<>(draft.certifications());
        certs.add(new Certification("", "planned", "", "", ""));
        certs.add(new Certification("", "planned", "", "", ""));
        model.addAttribute("certRows", certs);
        List<Faq> faq = new ArrayList<>(draft.faq());
        faq.add(new Faq("", ""));
        faq.add(new Faq("", ""));
        model.addAttribute("faqRows", faq);
    }

    @PostMapping("/trust-center")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    String save(CurrentUser user, HttpServletRequest request, Model model) {
        TrustCenterContent submitted = trustCenter.draft(user.workspaceId());
        try {
            EditDraft draft = forms.draft(request);
            submitted = draft.asTyped();
            TrustCenterContent saved = trustCenter.saveDraft(user.workspaceId(), draft, user.actor());
            model.addAttribute("saved", true);
            prepare(user, model, saved, Map.of());
        } catch (InvalidFieldException e) {
            prepare(user, model, submitted, e.errors());
        }
        return "trustcenter/edit";
    }

    @GetMapping("/trust-center/preview")
    @RequiresPermission(Permission.TRUST_CENTER_READ)
    ResponseEntity<String> preview(CurrentUser user) {
        return ResponseEntity.ok().header("Content-Type", PublicSite.HTML).header("Cache-Control", "no-store")
                .body(rendering.overview(user.workspaceId(), trustCenter.draft(user.workspaceId()), true));
    }

    @PostMapping("/trust-center/publish")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    String publish(CurrentUser user, HttpServletRequest request, Model model) {
        // The editor's "Save and publish" posts the whole form: publish what is on the screen, never an older saved draft.
        boolean fromEditor = request.getParameter("company") != null;
        TrustCenterContent submitted = trustCenter.draft(user.workspaceId());
        try {
            if (fromEditor) {
                EditDraft draft = forms.draft(request);
                submitted = draft.asTyped();
                publication.saveAndPublish(user.workspaceId(), draft, user.actor());
            } else {
                publication.publish(user.workspaceId(), user.actor());
            }
            return "redirect:/trust-center?published";
        } catch (InvalidFieldException e) {
            prepare(user, model, submitted, e.errors());
            return "trustcenter/edit";
        }
    }

    @GetMapping("/trust-center/documents")
    @RequiresPermission(Permission.TRUST_CENTER_READ)
    String documents(CurrentUser user, Model model) {
        model.addAttribute("documents", access.documents(user.workspaceId()));
        model.addAttribute("kinds", DocumentAccess.KINDS.stream().sorted().toList());
        model.addAttribute("errors", Map.of());
        model.addAttribute("canEdit", user.can(Permission.TRUST_CENTER_WRITE));
        return "trustcenter/documents";
    }

    @PostMapping("/trust-center/documents")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    String upload(CurrentUser user, Model model, @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "false") boolean gated, @RequestParam(required = false) MultipartFile file) throws IOException {
        try {
            access.upload(user.workspaceId(), title, kind, gated, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), user.actor());
            return "redirect:/trust-center/documents";
        } catch (InvalidFieldException e) {
            documents(user, model);
            model.addAttribute("errors", e.errors());
            return "trustcenter/documents";
        }
    }

    @GetMapping("/trust-center/requests")
    @RequiresPermission(Permission.TRUST_CENTER_READ)
    String requests(CurrentUser user, Model model) {
        Map<UUID, String> titles = new java.util.HashMap<>();
        access.documents(user.workspaceId()).forEach(d -> titles.put(d.id(), d.title()));
        model.addAttribute("requests", access.requests(user.workspaceId()));
        model.addAttribute("titles", titles);
        model.addAttribute("activity", access.activity(user.workspaceId()));
        model.addAttribute("canEdit", user.can(Permission.TRUST_CENTER_WRITE));
        return "trustcenter/requests";
    }

    @PostMapping("/trust-center/requests/{id}/approve")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    String approve(CurrentUser user, @PathVariable UUID id, HttpServletRequest request) {
        TrustCenterContent published = trustCenter.published(user.workspaceId()).map(PublishedTrustCenter::content)
                .orElseThrow(() -> new InvalidFieldException("trustCenter", "publish the Trust Center first"));
        access.approve(user.workspaceId(), published, id, user.actor(), address.base());
        return "redirect:/trust-center/requests";
    }

    @PostMapping("/trust-center/requests/{id}/deny")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    String deny(CurrentUser user, @PathVariable UUID id) {
        access.deny(user.workspaceId(), id, user.actor());
        return "redirect:/trust-center/requests";
    }

    @GetMapping("/trust-center/subprocessors")
    @RequiresPermission(Permission.TRUST_CENTER_READ)
    String subprocessorPage(CurrentUser user, Model model) {
        prepareSubprocessors(user, model, Map.of());
        return "trustcenter/subprocessors";
    }

    private void prepareSubprocessors(CurrentUser user, Model model, Map<String, String> errors) {
        model.addAttribute("current", subprocessors.current(user.workspaceId()));
        model.addAttribute("history", subprocessors.history(user.workspaceId()));
        model.addAttribute("candidates", vendors.subprocessors(user.workspaceId()));
        model.addAttribute("published", trustCenter.published(user.workspaceId()).orElse(null));
        model.addAttribute("earliest", subprocessors.today().plusDays(trustCenter.published(user.workspaceId())
                .map(p -> p.content().noticeDays()).orElse(TrustCenterContent.DEFAULT_NOTICE_DAYS)));
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", user.can(Permission.TRUST_CENTER_WRITE));
    }

    @PostMapping("/trust-center/subprocessors/first-list")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    String firstList(CurrentUser user, Model model) {
        try {
            subprocessors.publishFirstList(user.workspaceId(), user.actor());
            return "redirect:/trust-center/subprocessors";
        } catch (InvalidFieldException e) {
            prepareSubprocessors(user, model, e.errors());
            return "trustcenter/subprocessors";
        }
    }

    @PostMapping("/trust-center/subprocessors/notices")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    String announce(CurrentUser user, Model model, HttpServletRequest request, @RequestParam(defaultValue = "") String kind,
                    @RequestParam(required = false) UUID vendorId, @RequestParam(required = false) UUID replaces,
                    @RequestParam(defaultValue = "") String effectiveOn) {
        try {
            TrustCenterContent published = trustCenter.published(user.workspaceId()).map(PublishedTrustCenter::content)
                    .orElseThrow(() -> new InvalidFieldException("trustCenter", "publish the Trust Center first"));
            LocalDate effective;
            try {
                effective = effectiveOn.isBlank() ? null : LocalDate.parse(effectiveOn);
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidFieldException("effectiveOn", "must be a date as YYYY-MM-DD");
            }
            subprocessors.announce(user.workspaceId(), published, new SubprocessorNotices.Announcement(kind, vendorId, replaces, effective),
                    user.actor(), address.base());
            return "redirect:/trust-center/subprocessors";
        } catch (InvalidFieldException e) {
            prepareSubprocessors(user, model, e.errors());
            return "trustcenter/subprocessors";
        }
    }
}
