package dev.attest.vendors.internal;

import dev.attest.vendors.DataCategory;
import dev.attest.vendors.Vendor;
import dev.attest.vendors.VendorDetails;
import dev.attest.web.CsvWriter;

import java.util.List;

/** The vendor register as a CSV file: one row a vendor with what was derived from its details. */
final class VendorTable {

    /** The most rows one export writes. */
    static final int CSV_LIMIT = 100_000;

    private VendorTable() {
    }

    static void csv(List<Vendor> vendors, Appendable out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row("id", "name", "website", "purpose", "data", "countries", "subprocessor", "owner", "risk_tier", "next_review_on",
                "dpa_signed_on", "baa_signed_on", "transfer_mechanism", "updated_at", "updated_by");
        for (Vendor v : vendors) {
            VendorDetails d = v.details();
            csv.row(v.id(), d.name(), d.website(), d.purpose(), String.join(" ", d.data().stream().sorted().map(DataCategory::wireName).toList()),
                    String.join(" ", d.countries()), d.subprocessor(), d.owner(), v.riskTier().wireName(), v.nextReviewOn(), d.dpaSignedOn(),
                    d.baaSignedOn(), d.transferMechanism() == null ? null : d.transferMechanism().wireName(), v.updatedAt(), v.updatedBy());
        }
    }
}
