package dev.attest.vendors.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceData;
import dev.attest.monitoring.ResourceSource;
import dev.attest.vendors.DataCategory;
import dev.attest.vendors.Vendor;
import dev.attest.vendors.VendorDetails;
import dev.attest.vendors.Vendors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Offers each vendor to monitoring as a {@code vendors.vendor} resource. Dates become midnight UTC
 * timestamps so that checks compare them with {@code timestamp(...)}; absent dates are left out so
 * that checks test them with {@code has(...)}.
 */
@Component
@RequiredArgsConstructor
class VendorResources implements ResourceSource {

    static final String TYPE = "vendors.vendor";

    private final Vendors vendors;

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public List<Resource> resources(WorkspaceId workspace) {
        return vendors.list(workspace).stream().map(VendorResources::resource).toList();
    }

    static Resource resource(Vendor v) {
        VendorDetails d = v.details();
        return new ResourceData()
                .put("id", v.id().toString())
                .put("name", d.name())
                .optional("website", d.website())
                .put("data", d.data().stream().sorted().map(DataCategory::wireName).toList())
                .put("countries", d.countries())
                .put("subprocessor", d.subprocessor())
                .put("personalData", v.touches(DataCategory.PERSONAL))
                .put("healthData", v.touches(DataCategory.HEALTH))
                .put("cardholderData", v.touches(DataCategory.CARDHOLDER))
                .name("riskTier", v.riskTier())
                .name("derivedTier", v.derivedTier())
                .put("tierOverridden", d.tierOverride() != null)
                .optional("owner", d.owner())
                .put("transfersOutsideEea", v.transfersOutsideEea())
                .put("countriesOutsideEea", v.countriesOutsideEea())
                .name("transferMechanism", d.transferMechanism())
                .optional("reportType", d.reportType())
                .startOf("reportReviewedOn", d.reportReviewedOn())
                .startOf("dpaSignedOn", d.dpaSignedOn())
                .startOf("baaSignedOn", d.baaSignedOn())
                .startOf("contractStart", d.contractStart())
                .startOf("contractEnd", d.contractEnd())
                .startOf("nextReviewOn", v.nextReviewOn())
                .resource(TYPE, v.id().toString());
    }
}
