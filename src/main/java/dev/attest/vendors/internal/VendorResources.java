package dev.attest.vendors.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.vendors.DataCategory;
import dev.attest.vendors.Vendor;
import dev.attest.vendors.VendorDetails;
import dev.attest.vendors.Vendors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", v.id().toString());
        data.put("name", d.name());
        if (d.website() != null) data.put("website", d.website());
        data.put("data", d.data().stream().sorted().map(DataCategory::wireName).toList());
        data.put("countries", d.countries());
        data.put("subprocessor", d.subprocessor());
        data.put("personalData", v.touches(DataCategory.PERSONAL));
        data.put("healthData", v.touches(DataCategory.HEALTH));
        data.put("cardholderData", v.touches(DataCategory.CARDHOLDER));
        data.put("riskTier", v.riskTier().wireName());
        data.put("derivedTier", v.derivedTier().wireName());
        data.put("tierOverridden", d.tierOverride() != null);
        if (d.owner() != null) data.put("owner", d.owner());
        data.put("transfersOutsideEea", v.transfersOutsideEea());
        data.put("countriesOutsideEea", v.countriesOutsideEea());
        if (d.transferMechanism() != null) data.put("transferMechanism", d.transferMechanism().wireName());
        if (d.reportType() != null) data.put("reportType", d.reportType());
        put(data, "reportReviewedOn", d.reportReviewedOn());
        put(data, "dpaSignedOn", d.dpaSignedOn());
        put(data, "baaSignedOn", d.baaSignedOn());
        put(data, "contractStart", d.contractStart());
        put(data, "contractEnd", d.contractEnd());
        put(data, "nextReviewOn", v.nextReviewOn());
        return new Resource(TYPE, v.id().toString(), data);
    }

    private static void put(Map<String, Object> data, String key, LocalDate date) {
        if (date != null) {
            data.put(key, date + "T00:00:00Z");
        }
    }
}
