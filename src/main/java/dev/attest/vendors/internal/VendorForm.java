package dev.attest.vendors.internal;

import dev.attest.vendors.DataCategory;
import dev.attest.vendors.RiskTier;
import dev.attest.vendors.TransferMechanism;
import dev.attest.vendors.Vendor;
import dev.attest.vendors.VendorDetails;
import dev.attest.web.WireName;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vendor as text, the way both the API body and the page form carry it, so that a bad date or
 * an unknown code is refused naming its field (and a refused form comes back as it was typed).
 * {@link VendorForms} turns it into checked {@link VendorDetails}.
 */
public record VendorForm(String name, String website, String purpose, List<String> data, List<String> countries, Boolean subprocessor,
                  String owner, String tierOverride, String overrideReason, String contractStart, String contractEnd,
                  String reportType, String reportReviewedOn, String reportReviewer, String reportFindings,
                  String dpaSignedOn, String dpaDocument, String baaSignedOn, String transferMechanism) {

    static VendorForm empty() {
        return new VendorForm(null, null, null, List.of(), List.of(), false, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    static VendorForm of(Vendor v) {
        VendorDetails d = v.details();
        return new VendorForm(d.name(), d.website(), d.purpose(), d.data().stream().sorted().map(DataCategory::wireName).toList(),
                d.countries(), d.subprocessor(), d.owner(), d.tierOverride() == null ? null : d.tierOverride().wireName(),
                d.overrideReason(), text(d.contractStart()), text(d.contractEnd()), d.reportType(), text(d.reportReviewedOn()),
                d.reportReviewer(), d.reportFindings(), text(d.dpaSignedOn()), d.dpaDocument(), text(d.baaSignedOn()),
                d.transferMechanism() == null ? null : d.transferMechanism().wireName());
    }

    /** The countries as one line for the form, e.g. "US, DE". */
    public String countryLine() {
        return countries == null ? "" : String.join(", ", countries);
    }

    public boolean has(String category) {
        return data != null && data.contains(category);
    }

    /** The details typed, with every code or date that is not one added to {@code errors}; such a value is left out. */
    VendorDetails convert(Map<String, String> errors) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (String code : data == null ? List.<String>of() : data) {
            WireName.parse(DataCategory.class, code).ifPresentOrElse(categories::add,
                    () -> errors.put("data", "'" + code + "' is not one of " + WireName.allowed(DataCategory.class)));
        }
        RiskTier override = null;
        if (present(tierOverride)) {
            override = WireName.parse(RiskTier.class, tierOverride).orElse(null);
            if (override == null) {
                errors.put("tierOverride", "must be one of " + WireName.allowed(RiskTier.class));
            }
        }
        TransferMechanism mechanism = null;
        if (present(transferMechanism)) {
            mechanism = WireName.parse(TransferMechanism.class, transferMechanism).orElse(null);
            if (mechanism == null) {
                errors.put("transferMechanism", "must be one of " + WireName.allowed(TransferMechanism.class));
            }
        }
        LocalDate start = date("contractStart", contractStart, errors);
        LocalDate end = date("contractEnd", contractEnd, errors);
        LocalDate reviewed = date("reportReviewedOn", reportReviewedOn, errors);
        LocalDate dpa = date("dpaSignedOn", dpaSignedOn, errors);
        LocalDate baa = date("baaSignedOn", baaSignedOn, errors);
        return new VendorDetails(name, website, purpose, categories, countries, Boolean.TRUE.equals(subprocessor), owner, override,
                overrideReason, start, end, reportType, reviewed, reportReviewer, reportFindings, dpa, dpaDocument, baa, mechanism);
    }

    /** Splits a typed country line ("US, de") into codes. */
    static List<String> countryCodes(String line) {
        if (line == null || line.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(line.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static LocalDate date(String field, String value, Map<String, String> errors) {
        if (!present(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date as YYYY-MM-DD");
            return null;
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
