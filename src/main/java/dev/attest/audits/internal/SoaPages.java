package dev.attest.audits.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.audits.SoaVersion;
import dev.attest.controls.ImplementationStatus;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.web.Downloads;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.PageForms;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Statement of Applicability's page: the 93 Annex A controls of a version, editing the draft
 * (an exclusion needs its justification), approval by someone other than the last editor, the
 * frozen approved versions, and their CSV and PDF.
 */
@Controller
@RequiredArgsConstructor
class SoaPages {

    private final StatementOfApplicability soa;
    private final AuditForms forms;

    @GetMapping("/soa")
    @RequiresPermission(Permission.AUDITS_READ)
    String page(CurrentUser user, @RequestParam(required = false) String version, Model model) {
        fill(user, version, model, null, Map.of(), Map.of());
        return "audits/soa";
    }

    private void fill(CurrentUser user, String version, Model model, String failed, Map<String, String> errors, Map<String, String> form) {
        List<SoaVersion> versions = soa.versions(user);
        SoaVersion shown = null;
        if (!versions.isEmpty()) {
            try {
                shown = version == null || version.isBlank() ? soa.latest(user) : soa.version(user, version);
            } catch (InvalidFieldException | NotFoundException e) {
                // an unknown or malformed version in the address shows the latest, with the reason
                shown = soa.latest(user);
                model.addAttribute("versionProblem", "No version " + version + ": showing the latest");
            }
        }
        model.addAttribute("versions", versions);
        model.addAttribute("soa", shown);
        model.addAttribute("latest", versions.isEmpty() ? null : versions.get(0).version());
        model.addAttribute("canManage", user.can(Permission.AUDITS_MANAGE));
        model.addAttribute("implementations", Arrays.stream(ImplementationStatus.values()).map(ImplementationStatus::wireName).toList());
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
    }

    private String submit(CurrentUser user, String failed, Map<String, String> form, Model model, RedirectAttributes redirect, String anchor,
                          Supplier<String> change) {
        return PageForms.submit(() -> {
            redirect.addFlashAttribute("notice", change.get());
            return "redirect:/soa" + anchor;
        }, errors -> {
            fill(user, null, model, failed, errors, form);
            return "audits/soa";
        });
    }

    @PostMapping("/soa/versions")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    String create(CurrentUser user, Model model, RedirectAttributes redirect) {
        return submit(user, "create", Map.of(), model, redirect, "", () -> "Version " + soa.create(user).version() + " is a draft");
    }

    @PostMapping("/soa/entries/{ref}")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    String edit(CurrentUser user, @PathVariable String ref, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(user, "entry-" + ref, form, model, redirect, "#entry-" + ref, () -> {
            soa.edit(user, ref, forms.soaEntry(form));
            return ref + " saved";
        });
    }

    @PostMapping("/soa/approve")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    String approve(CurrentUser user, Model model, RedirectAttributes redirect) {
        return submit(user, "approve", Map.of(), model, redirect, "", () -> "Version " + soa.approve(user).version() + " is approved and frozen");
    }

    @GetMapping("/soa/versions/{version}/csv")
    @RequiresPermission(Permission.AUDITS_READ)
    ResponseEntity<byte[]> csv(CurrentUser user, @PathVariable String version) {
        return download(user, version, v -> Downloads.attachment(Downloads.CSV, SoaDocuments.fileName(String.valueOf(v.version()), "csv"))
                .body(SoaDocuments.csv(v).getBytes(StandardCharsets.UTF_8)));
    }

    @GetMapping("/soa/versions/{version}/pdf")
    @RequiresPermission(Permission.AUDITS_READ)
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable String version) {
        return download(user, version, v -> Downloads.attachment(MediaType.APPLICATION_PDF, SoaDocuments.fileName(String.valueOf(v.version()), "pdf"))
                .body(SoaDocuments.pdf(user.workspaceName(), v)));
    }

    /** The version's file, or the page's refusal when there is no such version. */
    private ResponseEntity<byte[]> download(CurrentUser user, String version, Function<SoaVersion, ResponseEntity<byte[]>> file) {
        SoaVersion v;
        try {
            v = soa.version(user, version);
        } catch (InvalidFieldException e) {
            return AuditPageModel.refusal(e);
        }
        return file.apply(v);
    }
}
