package dev.attest.vendors.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.vendors.DataCategory;
import dev.attest.vendors.Vendor;
import dev.attest.vendors.VendorDetails;
import dev.attest.vendors.Vendors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/vendors")
@Tag(name = "Vendors", description = "The vendor register: subprocessors, risk tiers, DPAs, BAAs, transfers and reviews")
@RequiredArgsConstructor
class VendorsApi {

    private final Vendors vendors;
    private final VendorRegister register;
    private final VendorForms forms;

    /** A vendor as the API shows it: the details plus what is derived from them. */
    record VendorView(UUID id, String name, String website, String purpose, List<String> data, List<String> countries,
                      boolean subprocessor, String owner, String riskTier, String derivedTier, String tierOverride,
                      String overrideReason, LocalDate contractStart, LocalDate contractEnd, String reportType,
                      LocalDate reportReviewedOn, String reportReviewer, String reportFindings, LocalDate dpaSignedOn,
                      String dpaDocument, LocalDate baaSignedOn, String transferMechanism, boolean transfersOutsideEea,
                      LocalDate nextReviewOn, Instant createdAt, Instant updatedAt, String updatedBy) {

        static VendorView of(Vendor v) {
            VendorDetails d = v.details();
            return new VendorView(v.id(), d.name(), d.website(), d.purpose(), d.data().stream().sorted().map(DataCategory::wireName).toList(),
                    d.countries(), d.subprocessor(), d.owner(), v.riskTier().wireName(), v.derivedTier().wireName(),
                    d.tierOverride() == null ? null : d.tierOverride().wireName(), d.overrideReason(), d.contractStart(),
                    d.contractEnd(), d.reportType(), d.reportReviewedOn(), d.reportReviewer(), d.reportFindings(), d.dpaSignedOn(),
                    d.dpaDocument(), d.baaSignedOn(), d.transferMechanism() == null ? null : d.transferMechanism().wireName(),
                    v.transfersOutsideEea(), v.nextReviewOn(), v.createdAt(), v.updatedAt(), v.updatedBy());
        }
    }

    @GetMapping
    @RequiresPermission(Permission.VENDORS_READ)
    @Operation(summary = "Every vendor, by name; subprocessor=true keeps only subprocessors")
    List<VendorView> list(CurrentUser user, @RequestParam(required = false) Boolean subprocessor) {
        List<Vendor> list = Boolean.TRUE.equals(subprocessor) ? vendors.subprocessors(user.workspaceId()) : vendors.list(user.workspaceId());
        return list.stream().map(VendorView::of).toList();
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.VENDORS_READ)
    @Operation(summary = "One vendor with its derived risk tier and next review date")
    VendorView get(CurrentUser user, @PathVariable UUID id) {
        return VendorView.of(vendors.get(user.workspaceId(), id));
    }

    @PostMapping
    @RequiresPermission(Permission.VENDORS_WRITE)
    @Operation(summary = "Add a vendor; dates as YYYY-MM-DD, countries as ISO 3166 two-letter codes")
    ResponseEntity<VendorView> add(CurrentUser user, @RequestBody VendorForm form) {
        Vendor vendor = register.add(user.workspaceId(), forms.details(user.workspaceId(), null, form), user.actor());
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/vendors/" + vendor.id()).body(VendorView.of(vendor));
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permission.VENDORS_WRITE)
    @Operation(summary = "Replace a vendor's details (every field as it should be afterwards)")
    VendorView replace(CurrentUser user, @PathVariable UUID id, @RequestBody VendorForm form) {
        return VendorView.of(register.update(user.workspaceId(), id, forms.details(user.workspaceId(), id, form), user.actor()));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permission.VENDORS_WRITE)
    @Operation(summary = "Remove a vendor from the register")
    ResponseEntity<Void> remove(CurrentUser user, @PathVariable UUID id) {
        register.remove(user.workspaceId(), id, user.actor());
        return ResponseEntity.noContent().build();
    }
}
