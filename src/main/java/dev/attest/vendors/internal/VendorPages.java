package dev.attest.vendors.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.vendors.Countries;
import dev.attest.vendors.DataCategory;
import dev.attest.vendors.RiskTier;
import dev.attest.vendors.TransferMechanism;
import dev.attest.vendors.Vendor;
import dev.attest.vendors.Vendors;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The vendor register: the list, a vendor's page with its form, and the form for a new vendor. */
@Controller
class VendorPages {

    private final Vendors vendors;
    private final WorkspaceMembers members;

    VendorPages(Vendors vendors, WorkspaceMembers members) {
        this.vendors = vendors;
        this.members = members;
    }

    @GetMapping("/vendors")
    @RequiresPermission(Permission.VENDORS_READ)
    String list(CurrentUser user, HttpServletRequest request, Model model, @RequestParam(required = false) String q,
                @RequestParam(required = false) String tier, @RequestParam(required = false) Boolean subprocessor) {
        String query = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        List<Vendor> list = vendors.list(user.workspaceId()).stream()
                .filter(v -> query.isEmpty() || v.name().toLowerCase(Locale.ROOT).contains(query)
                        || String.valueOf(v.details().purpose()).toLowerCase(Locale.ROOT).contains(query))
                .filter(v -> tier == null || tier.isBlank() || v.riskTier().wireName().equals(tier))
                .filter(v -> !Boolean.TRUE.equals(subprocessor) || v.details().subprocessor())
                .toList();
        model.addAttribute("vendors", list);
        model.addAttribute("tiers", RiskTier.values());
        model.addAttribute("q", q);
        model.addAttribute("tier", tier);
        model.addAttribute("subprocessor", Boolean.TRUE.equals(subprocessor));
        model.addAttribute("canEdit", user.can(Permission.VENDORS_WRITE));
        return Htmx.view(request, "vendors/list", "results");
    }

    @GetMapping("/vendors/new")
    @RequiresPermission(Permission.VENDORS_WRITE)
    String newVendor(CurrentUser user, Model model) {
        prepareForm(user, model, VendorForm.empty(), Map.of());
        return "vendors/new";
    }

    @PostMapping("/vendors")
    @RequiresPermission(Permission.VENDORS_WRITE)
    String add(CurrentUser user, Model model, VendorFormFields fields) {
        VendorForm form = fields.form();
        try {
            Vendor vendor = vendors.add(user.workspaceId(), form.details(), user.actor());
            return "redirect:/vendors/" + vendor.id();
        } catch (InvalidFieldException e) {
            prepareForm(user, model, form, e.errors());
            return "vendors/new";
        }
    }

    @GetMapping("/vendors/{id}")
    @RequiresPermission(Permission.VENDORS_READ)
    String show(CurrentUser user, @PathVariable UUID id, Model model) {
        Vendor vendor = vendors.get(user.workspaceId(), id);
        model.addAttribute("vendor", vendor);
        prepareForm(user, model, VendorForm.of(vendor), Map.of());
        return "vendors/vendor";
    }

    @PostMapping("/vendors/{id}")
    @RequiresPermission(Permission.VENDORS_WRITE)
    String update(CurrentUser user, @PathVariable UUID id, HttpServletRequest request, Model model, VendorFormFields fields) {
        VendorForm form = fields.form();
        Vendor vendor;
        try {
            vendor = vendors.update(user.workspaceId(), id, form.details(), user.actor());
            model.addAttribute("saved", true);
            form = VendorForm.of(vendor);
            prepareForm(user, model, form, Map.of());
        } catch (InvalidFieldException e) {
            vendor = vendors.get(user.workspaceId(), id);
            prepareForm(user, model, form, e.errors());
        }
        model.addAttribute("vendor", vendor);
        return Htmx.view(request, "vendors/vendor", "vendorForm");
    }

    @PostMapping("/vendors/{id}/delete")
    @RequiresPermission(Permission.VENDORS_WRITE)
    String remove(CurrentUser user, @PathVariable UUID id) {
        vendors.remove(user.workspaceId(), id, user.actor());
        return "redirect:/vendors";
    }

    private void prepareForm(CurrentUser user, Model model, VendorForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", DataCategory.values());
        model.addAttribute("tiers", RiskTier.values());
        model.addAttribute("mechanisms", TransferMechanism.values());
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("canEdit", user.can(Permission.VENDORS_WRITE));
        model.addAttribute("countries", Countries.class);
    }

    /** The form's fields as posted; the country line is split into codes. */
    record VendorFormFields(String name, String website, String purpose, List<String> data, String countries, Boolean subprocessor,
                            String owner, String tierOverride, String overrideReason, String contractStart, String contractEnd,
                            String reportType, String reportReviewedOn, String reportReviewer, String reportFindings,
                            String dpaSignedOn, String dpaDocument, String baaSignedOn, String transferMechanism) {

        VendorForm form() {
            return new VendorForm(name, website, purpose, data == null ? List.of() : data, VendorForm.countryCodes(countries),
                    subprocessor, owner, tierOverride, overrideReason, contractStart, contractEnd, reportType, reportReviewedOn,
                    reportReviewer, reportFindings, dpaSignedOn, dpaDocument, baaSignedOn, transferMechanism);
        }
    }
}
