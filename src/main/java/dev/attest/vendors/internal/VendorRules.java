package dev.attest.vendors.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.vendors.Countries;
import dev.attest.vendors.DataCategory;
import dev.attest.vendors.VendorDetails;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules a vendor's details keep over several fields and over what is stored: a name no other vendor has, a web
 * address, data and subprocessor that agree, known countries, an owner who is a member, a reason for a tier chosen
 * by hand, dates in order and not in the future, a BAA only with health data.
 */
@Component
@RequiredArgsConstructor
class VendorRules {

    static final Set<String> REPORT_TYPES = Set.of("soc2", "iso27001");

    private final VendorStore store;
    private final WorkspaceMembers members;
    private final Clock clock;

    /**
     * The details as stored (names trimmed, countries upper case, the owner as the member's email), with every
     * problem added to {@code errors} unless the field already has one; null details when there is any.
     */
    VendorDetails check(WorkspaceId workspace, UUID id, VendorDetails d, Map<String, String> errors) {
        Map<String, String> found = new LinkedHashMap<>();
        String name = trim(d.name());
        if (name == null) {
            found.put("name", "is required");
        } else if (name.length() > 200) {
            found.put("name", "at most 200 characters");
        } else if (store.nameTaken(workspace, name, id)) {
            found.put("name", "another vendor is already called " + name);
        }
        String website = trim(d.website());
        if (website != null && !isWebAddress(website)) {
            found.put("website", "must be an http or https address, e.g. https://example.com");
        }
        String purpose = trim(d.purpose());
        if (purpose != null && purpose.length() > 2000) {
            found.put("purpose", "at most 2000 characters");
        }
        if (d.data().contains(DataCategory.NONE) && d.data().size() > 1) {
            found.put("data", "'none' cannot be combined with other kinds of data");
        }
        List<String> countries = d.countries().stream().map(c -> c == null ? "" : c.trim().toUpperCase(Locale.ROOT))
                .filter(c -> !c.isEmpty()).distinct().toList();
        List<String> unknown = countries.stream().filter(c -> !Countries.known(c)).toList();
        if (!unknown.isEmpty()) {
            found.put("countries", "not ISO 3166 two-letter country codes: " + String.join(", ", unknown));
        }
        if (d.subprocessor() && !(d.data().contains(DataCategory.PERSONAL) || d.data().contains(DataCategory.HEALTH)
                || d.data().contains(DataCategory.CARDHOLDER) || d.data().contains(DataCategory.CUSTOMER))) {
            found.put("subprocessor", "a subprocessor processes customers' personal data: tick the data it touches");
        }
        String owner = trim(d.owner());
        if (owner != null && members.memberByEmail(workspace, owner).isEmpty()) {
            found.put("owner", "no member of this workspace has the email " + owner);
        }
        String reason = trim(d.overrideReason());
        if (d.tierOverride() != null && reason == null) {
            found.put("overrideReason", "say why the tier differs from the one the data implies");
        }
        if (d.contractStart() != null && d.contractEnd() != null && d.contractEnd().isBefore(d.contractStart())) {
            found.put("contractEnd", "must not be before the contract start");
        }
        String reportType = trim(d.reportType());
        if (reportType != null && !REPORT_TYPES.contains(reportType)) {
            found.put("reportType", "must be soc2 or iso27001");
        }
        if (d.reportReviewedOn() != null && reportType == null) {
            found.put("reportType", "say which report was reviewed (soc2 or iso27001)");
        }
        if (d.reportReviewedOn() != null && trim(d.reportReviewer()) == null) {
            found.put("reportReviewer", "say who reviewed the report");
        }
        LocalDate today = LocalDate.now(clock);
        for (var date : Map.of("reportReviewedOn", nullSafe(d.reportReviewedOn()), "dpaSignedOn", nullSafe(d.dpaSignedOn()),
                "baaSignedOn", nullSafe(d.baaSignedOn())).entrySet()) {
            if (date.getValue().isAfter(today)) {
                found.put(date.getKey(), "cannot be in the future");
            }
        }
        if (d.baaSignedOn() != null && !d.data().contains(DataCategory.HEALTH)) {
            found.put("baaSignedOn", "a BAA applies only to vendors that touch health data");
        }
        found.forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            return null;
        }
        return new VendorDetails(name, website, purpose, d.data(), countries, d.subprocessor(),
                owner == null ? null : members.memberByEmail(workspace, owner).orElseThrow().email(),
                d.tierOverride(), d.tierOverride() == null ? null : reason, d.contractStart(), d.contractEnd(),
                reportType, d.reportReviewedOn(), trim(d.reportReviewer()), trim(d.reportFindings()),
                d.dpaSignedOn(), trim(d.dpaDocument()), d.baaSignedOn(), d.transferMechanism());
    }

    private static LocalDate nullSafe(LocalDate date) {
        return date == null ? LocalDate.MIN : date;
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
