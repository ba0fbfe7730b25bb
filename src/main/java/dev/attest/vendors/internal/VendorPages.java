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
import dev.attest.web.TablePage;
import dev.attest.web.TableQuery;
import dev.attest.web.WireName;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The vendor register: the list, a vendor's page with its form, and the form for a new vendor. */
@Controller
@RequiredArgsConstructor
class VendorPages {

    private final Vendors vendors;
    private final VendorRegister register;
    private final VendorForms forms;
    private final WorkspaceMembers members;

    @GetMapping("/vendors")
    @RequiresPermission(Permission.VENDORS_READ)
    String list(CurrentUser user, HttpServletRequest request, Model model, @RequestParam(required = false) String q,
                @RequestParam(required = false) String tier, @RequestParam(required = false) String subprocessor,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(required = false) String page) {
        VendorStore.Filter filter = filter(q, tier, subprocessor);
        long total = vendors.count(user.workspaceId(), filter);
        TableQuery query = TableQuery.lenient(sort, dir, page, VendorStore.SORTS.keySet(), "name", false).within(total);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("tier", filter.tier() == null ? null : filter.tier().wireName());
        filters.put("subprocessor", filter.subprocessorsOnly() ? "true" : null);
        model.addAttribute("table", new TablePage<>(vendors.page(user.workspaceId(), filter, query), total, query, "/vendors", filters));
        model.addAttribute("tiers", RiskTier.values());
        model.addAttribute("q", q);
        model.addAttribute("tier", tier);
        model.addAttribute("subprocessor", filter.subprocessorsOnly());
        model.addAttribute("canEdit", user.can(Permission.VENDORS_WRITE));
        return Htmx.view(request, "vendors/list", "results");
    }

    @GetMapping("/vendors/export")
    @RequiresPermission(Permission.VENDORS_READ)
    void export(CurrentUser user, HttpServletResponse response, @RequestParam(required = false) String q,
                @RequestParam(required = false) String tier, @RequestParam(required = false) String subprocessor,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) throws IOException {
        TableQuery query = TableQuery.lenient(sort, dir, null, VendorStore.SORTS.keySet(), "name", false);
        List<Vendor> rows = vendors.page(user.workspaceId(), filter(q, tier, subprocessor),
                new TableQuery(query.sort(), query.descending(), 1, VendorTable.CSV_LIMIT));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"vendors.csv\"");
        VendorTable.csv(rows, response.getWriter());
    }

    /** The list's filters as asked; a tier that names nothing is any tier (a stale bookmark still shows the list). */
    private static VendorStore.Filter filter(String q, String tier, String subprocessor) {
        return new VendorStore.Filter(q, WireName.parse(RiskTier.class, tier).orElse(null), "true".equals(subprocessor));
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
            Vendor vendor = register.add(user.workspaceId(), forms.details(user.workspaceId(), null, form), user.actor());
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
            vendor = register.update(user.workspaceId(), id, forms.details(user.workspaceId(), id, form), user.actor());
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
        register.remove(user.workspaceId(), id, user.actor());
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
