package dev.attest.responsibility.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.responsibility.Party;
import dev.attest.responsibility.Responsibility;
import dev.attest.vendors.Vendors;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The responsibility editor: per control, who carries it (the company, a provider from the vendor
 * register with its report as evidence, both, or the customer with guidance), filtered by domain,
 * one control at a time or several at once; saved through {@link Assignments}.
 */
@Controller
@RequiredArgsConstructor
class ResponsibilityPages {

    /** What a form submitted, so that a refused form comes back as typed. */
    record Form(String party, String providerId, String providerDuty, String customerGuidance, String providerReport) {
        static Form of(Responsibility r) {
            return new Form(r.party().wireName(), r.providerId() == null ? "" : r.providerId().toString(), r.providerDuty(),
                    r.customerGuidance(), r.providerReport() == null ? "" : r.providerReport().toString());
        }
    }

    private final ResponsibilityMatrix responsibility;
    private final Assignments assignments;
    private final ResponsibilityForms forms;
    private final Catalog catalog;
    private final Vendors vendors;
    private final EvidenceLocker evidence;

    @GetMapping("/responsibility")
    @RequiresPermission(Permission.CONTROLS_READ)
    String editor(CurrentUser user, Model model, @RequestParam(defaultValue = "") String domain,
                  @RequestParam(defaultValue = "") String party) {
        prepare(user, model, domain, party);
        return "responsibility/editor";
    }

    @PostMapping("/responsibility/controls/{key}")
    @RequiresPermission(Permission.CONTROLS_WRITE)
    String assign(CurrentUser user, HttpServletRequest request, Model model, @PathVariable String key,
                  @RequestParam(defaultValue = "") String domain, Form form) {
        catalog.requireControl(key);
        try {
            Responsibility saved = assignments.assign(user.workspaceId(), key, forms.change(form), user.actor());
            if (Htmx.isHtmx(request)) {
                prepareRow(user, model, saved, Form.of(saved), Map.of());
                model.addAttribute("saved", true);
                return "responsibility/editor :: row";
            }
            return "redirect:/responsibility?domain=" + UriUtils.encodeQueryParam(domain, StandardCharsets.UTF_8) + "&saved="
                    + UriUtils.encodeQueryParam(key, StandardCharsets.UTF_8) + "#control-" + key;
        } catch (InvalidFieldException e) {
            if (Htmx.isHtmx(request)) {
                prepareRow(user, model, responsibility.get(user.workspaceId(), key), form, e.errors());
                return "responsibility/editor :: row";
            }
            prepare(user, model, domain, "");
            model.addAttribute("failed", key);
            model.addAttribute("failedForm", form);
            model.addAttribute("errors", e.errors());
            return "responsibility/editor";
        }
    }

    @PostMapping("/responsibility/bulk")
    @RequiresPermission(Permission.CONTROLS_WRITE)
    String bulk(CurrentUser user, Model model, @RequestParam(required = false) List<String> controls,
                @RequestParam(defaultValue = "") String domain, Form form) {
        try {
            List<Responsibility> saved = assignments.assignAll(user.workspaceId(), controls == null ? List.of() : controls,
                    forms.change(form), user.actor());
            return "redirect:/responsibility?domain=" + UriUtils.encodeQueryParam(domain, StandardCharsets.UTF_8) + "&bulkSaved=" + saved.size();
        } catch (InvalidFieldException e) {
            prepare(user, model, domain, "");
            model.addAttribute("bulkErrors", e.errors());
            model.addAttribute("bulkForm", form);
            model.addAttribute("checked", controls == null ? List.of() : controls);
            return "responsibility/editor";
        }
    }

    private void prepare(CurrentUser user, Model model, String domain, String party) {
        List<Responsibility> matrix = responsibility.matrix(user.workspaceId()).stream()
                .filter(r -> domain.isBlank() || r.domain().equals(domain))
                .filter(r -> party.isBlank() || r.party().wireName().equals(party))
                .toList();
        model.addAttribute("rows", matrix);
        model.addAttribute("domains", catalog.domains());
        model.addAttribute("domain", domain);
        model.addAttribute("party", party);
        model.addAttribute("errors", Map.of());
        model.addAttribute("bulkErrors", Map.of());
        model.addAttribute("bulkForm", new Form("provider", "", "", "", ""));
        model.addAttribute("checked", List.of());
        prepareChoices(user, model);
    }

    private void prepareRow(CurrentUser user, Model model, Responsibility row, Form form, Map<String, String> errors) {
        model.addAttribute("r", row);
        model.addAttribute("failed", errors.isEmpty() ? null : row.control());
        model.addAttribute("failedForm", form);
        model.addAttribute("errors", errors);
        model.addAttribute("checked", List.of());
        prepareChoices(user, model);
    }

    private void prepareChoices(CurrentUser user, Model model) {
        model.addAttribute("parties", Party.values());
        model.addAttribute("vendors", vendors.list(user.workspaceId()));
        // a provider's report is an uploaded document (its SOC 2 report, its ISO certificate), not a check result
        List<EvidenceItem> reports = evidence.list(user.workspaceId(), null, "upload", 200);
        model.addAttribute("reports", reports);
        model.addAttribute("canEdit", user.can(Permission.CONTROLS_WRITE));
    }
}
