package dev.attest.privacy.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.privacy.SaveProcessingRecord;
import dev.attest.web.Downloads;
import dev.attest.web.Htmx;
import dev.attest.web.PageForms;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Pages for the records of processing (with their printable export) and the customer agreement register. */
@Controller
@RequiredArgsConstructor
class ProcessingPages {

    private final ProcessingRegister register;
    private final RequestForms forms;
    private final Clock clock;

    @GetMapping("/privacy/processing")
    @RequiresPermission(Permission.PRIVACY_READ)
    String records(CurrentUser user, HttpServletRequest request, Model model) {
        prepare(user, model);
        model.addAttribute("form", Map.of());
        return Htmx.view(request, "privacy/processing", "records");
    }

    private void prepare(CurrentUser user, Model model) {
        model.addAttribute("records", register.records(user.workspaceId()));
        model.addAttribute("mechanisms", SaveProcessingRecord.MECHANISMS.stream().sorted().toList());
        model.addAttribute("canWrite", user.can(Permission.PRIVACY_WRITE));
    }

    @PostMapping("/privacy/processing")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    String create(CurrentUser user, Model model, @RequestParam Map<String, String> form) {
        List<String> keys = Arrays.stream(form.getOrDefault("controlKeys", "").split("[,\\s]+")).filter(k -> !k.isBlank()).toList();
        return PageForms.submit(() -> {
            SaveProcessingRecord command = forms.processing(new SaveProcessingRecord(form.get("name"), form.get("purpose"),
                    form.get("legalBasis"), form.get("dataSubjects"), form.get("dataCategories"), form.get("recipients"),
                    form.get("transfers"), form.get("transferMechanism"), form.get("retention"), form.get("securityMeasures"), keys));
            register.save(user.workspaceId(), null, command, user.actor());
            return "redirect:/privacy/processing";
        }, errors -> {
            prepare(user, model);
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            return "privacy/processing";
        });
    }

    @GetMapping("/privacy/processing/export")
    @RequiresPermission(Permission.PRIVACY_READ)
    String export(CurrentUser user, Model model) {
        model.addAttribute("records", register.records(user.workspaceId()));
        model.addAttribute("workspace", user.workspaceName());
        model.addAttribute("today", LocalDate.now(clock));
        return "privacy/processing-export";
    }

    @GetMapping("/privacy/processing/export.pdf")
    @RequiresPermission(Permission.PRIVACY_READ)
    org.springframework.http.ResponseEntity<byte[]> exportPdf(CurrentUser user) {
        byte[] pdf = ProcessingRecordsPdf.render(user.workspaceName(), LocalDate.now(clock), register.records(user.workspaceId()));
        return Downloads.attachment(org.springframework.http.MediaType.APPLICATION_PDF, "records-of-processing.pdf").body(pdf);
    }

    @GetMapping("/privacy/agreements")
    @RequiresPermission(Permission.PRIVACY_READ)
    String agreements(CurrentUser user, Model model) {
        model.addAttribute("agreements", register.agreements(user.workspaceId()));
        model.addAttribute("canWrite", user.can(Permission.PRIVACY_WRITE));
        model.addAttribute("form", Map.of());
        return "privacy/agreements";
    }

    @PostMapping("/privacy/agreements")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    String recordAgreement(CurrentUser user, Model model, @RequestParam Map<String, String> form) {
        return PageForms.submit(() -> {
            register.recordAgreement(user.workspaceId(), forms.agreement(form.get("customer"), form.get("kind"),
                    form.get("versionSigned"), form.get("signedOn"), "on".equals(form.get("sccsIncluded"))), user.actor());
            return "redirect:/privacy/agreements";
        }, errors -> {
            model.addAttribute("agreements", register.agreements(user.workspaceId()));
            model.addAttribute("canWrite", true);
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            return "privacy/agreements";
        });
    }
}
