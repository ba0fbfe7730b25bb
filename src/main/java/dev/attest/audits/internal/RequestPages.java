package dev.attest.audits.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.audits.AttachEvidence;
import dev.attest.audits.AuditRequest;
import dev.attest.identity.CurrentUser;
import dev.attest.web.Downloads;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.PageForms;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The request list's forms on an audit's page: raise one, one per control in scope, submit with
 * evidence from the ledger or an upload, accept or flag, import a CSV or XLSX list after its
 * preview, and export it.
 */
@Controller
@RequiredArgsConstructor
class RequestPages {

    private final RequestLists requests;
    private final AuditPageModel page;
    private final AuditForms forms;

    @PostMapping("/audits/{id}/requests")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    String raise(CurrentUser user, @PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return page.submit(user, id, "raise-request", form, model, redirect, "requests", () -> {
            AuditRequest raised = requests.raise(user, id, forms.request(form));
            return "Request " + raised.reference() + " added";
        });
    }

    @PostMapping("/audits/{id}/requests/generate")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    String generate(CurrentUser user, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return page.submit(user, id, "generate", Map.of(), model, redirect, "requests",
                () -> requests.generate(user, id).size() + " request(s) added, one per control in scope without one");
    }

    @PostMapping("/audits/{id}/requests/{requestId}/status")
    @PreAuthorize("hasAnyAuthority('audits:fieldwork', 'audits:manage')")
    String move(CurrentUser user, @PathVariable UUID id, @PathVariable UUID requestId, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes redirect) {
        return page.submit(user, id, "move-" + requestId, form, model, redirect, "request-" + requestId, () -> {
            AuditRequest moved = requests.move(user, id, requestId, forms.move(form));
            return "Request " + moved.reference() + " is " + moved.status().wireName();
        });
    }

    @PostMapping("/audits/{id}/requests/{requestId}/evidence")
    @RequiresPermission(Permission.AUDITS_MANAGE)
    String evidence(CurrentUser user, @PathVariable UUID id, @PathVariable UUID requestId, @RequestParam Map<String, String> form,
                    @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        return page.submit(user, id, "evidence-" + requestId, form, model, redirect, "request-" + requestId, () -> {
            AuditRequest request;
            if (file != null && !file.isEmpty()) {
                try {
                    request = requests.upload(user, id, requestId, AuditForms.text(form, "title"), file.getOriginalFilename(),
                            file.getContentType(), file.getInputStream());
                } catch (IOException e) {
                    throw new InvalidFieldException("file", "could not be read: send it again");
                }
            } else {
                String chosen = AuditForms.text(form, "evidenceId");
                if (chosen == null) {
                    throw new InvalidFieldException("evidenceId", "choose evidence from the ledger, or upload a file");
                }
                UUID evidenceId;
                try {
                    evidenceId = UUID.fromString(chosen);
                } catch (IllegalArgumentException e) {
                    throw new InvalidFieldException("evidenceId", "is not an evidence id");
                }
                request = requests.attach(user, id, requestId, new AttachEvidence(evidenceId));
            }
            return "Evidence attached to " + request.reference() + " (" + request.evidence().size() + " item(s))";
        });
    }

    /** The file read for a preview, and the same bytes carried in the confirmation form so the import is what was previewed. */
    private record Upload(String format, byte[] bytes) {

        String carried() {
            return Base64.getEncoder().encodeToString(bytes);
        }
    }

    private static Upload upload(MultipartFile file, String format, String carried) {
        try {
            if (file != null && !file.isEmpty()) {
                String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
                return new Upload(name.endsWith(".xlsx") ? "xlsx" : "csv", file.getBytes());
            }
            if (carried != null && !carried.isBlank()) {
                return new Upload("xlsx".equals(format) ? "xlsx" : "csv", Base64.getDecoder().decode(carried.strip()));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidFieldException("file", "could not be read: choose the file again");
        }
        throw new InvalidFieldException("file", "choose a CSV or XLSX request list");
    }

    private RequestLists.Preview preview(CurrentUser user, UUID id, Upload upload) {
        return "xlsx".equals(upload.format()) ? requests.previewXlsx(user, id, upload.bytes())
                : requests.preview(user, id, new String(upload.bytes(), StandardCharsets.UTF_8));
    }

    @PostMapping("/audits/{id}/requests/import/preview")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    String importPreview(CurrentUser user, @PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                         RedirectAttributes redirect) {
        return PageForms.submit(() -> {
            Upload upload = upload(file, null, null);
            model.addAttribute("preview", preview(user, id, upload));
            model.addAttribute("format", upload.format());
            model.addAttribute("content", upload.carried());
            model.addAttribute("filename", file.getOriginalFilename());
            page.fill(user, id, null, model, null, Map.of(), Map.of());
            return "audits/import";
        }, errors -> refusedImport(user, id, model, errors));
    }

    @PostMapping("/audits/{id}/requests/import")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    String importList(CurrentUser user, @PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return PageForms.submit(() -> importList(user, id, upload(null, form.get("format"), form.get("content")), model, redirect),
                errors -> refusedImport(user, id, model, errors));
    }

    private String refusedImport(CurrentUser user, UUID id, Model model, Map<String, String> errors) {
        page.fill(user, id, null, model, "import", errors, Map.of());
        return "audits/audit";
    }

    private String importList(CurrentUser user, UUID id, Upload upload, Model model, RedirectAttributes redirect) {
        try {
            List<AuditRequest> added = "xlsx".equals(upload.format()) ? requests.importXlsx(user, id, upload.bytes())
                    : requests.importCsv(user, id, new String(upload.bytes(), StandardCharsets.UTF_8));
            redirect.addFlashAttribute("notice", added.size() + " request(s) imported");
            return "redirect:/audits/" + id + "#requests";
        } catch (RequestCsv.Rejected e) {
            // the list changed since its preview (a reference taken meanwhile): show the errors again, nothing was saved
            model.addAttribute("preview", new RequestLists.Preview(false, List.of(), e.errors()));
            model.addAttribute("format", upload.format());
            model.addAttribute("content", upload.carried());
            model.addAttribute("filename", "");
            page.fill(user, id, null, model, null, Map.of(), Map.of());
            return "audits/import";
        }
    }

    @GetMapping("/audits/{id}/requests.csv")
    @RequiresPermission(Permission.AUDITS_READ)
    ResponseEntity<byte[]> exportCsv(CurrentUser user, @PathVariable UUID id) {
        return Downloads.attachment(Downloads.CSV, "requests-" + id + ".csv").body(requests.exportCsv(user, id).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/audits/{id}/requests.xlsx")
    @RequiresPermission(Permission.AUDITS_READ)
    ResponseEntity<byte[]> exportXlsx(CurrentUser user, @PathVariable UUID id) {
        return Downloads.attachment(MediaType.parseMediaType(RequestXlsx.MEDIA_TYPE), "requests-" + id + ".xlsx").body(requests.exportXlsx(user, id));
    }
}
