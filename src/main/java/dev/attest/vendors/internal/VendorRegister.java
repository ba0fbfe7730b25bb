package dev.attest.vendors.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.vendors.Countries;
import dev.attest.vendors.DataCategory;
import dev.attest.vendors.Vendor;
import dev.attest.vendors.VendorAdded;
import dev.attest.vendors.VendorDetails;
import dev.attest.vendors.VendorRemoved;
import dev.attest.vendors.VendorUpdated;
import dev.attest.vendors.Vendors;
import dev.attest.web.InvalidFieldException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
 * Changes to the vendor register: add, change and remove vendors, each change published as its
 * {@link dev.attest.vendors.VendorEvent}. Refuses incomplete or contradictory details field by field.
 */
@Service
public class VendorRegister {

    static final Set<String> REPORT_TYPES = Set.of("soc2", "iso27001");

    private final VendorStore store;
    private final Vendors vendors;
    private final WorkspaceMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VendorRegister(VendorStore store, Vendors vendors, WorkspaceMembers members, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.vendors = vendors;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Vendor add(WorkspaceId workspace, VendorDetails details, String actor) {
        UUID id = UUID.randomUUID();
        VendorDetails clean = validate(workspace, id, details);
        store.insert(workspace, id, clean, clock.instant(), actor);
        events.publishEvent(new VendorAdded(workspace, id, clean.name(), actor));
        return vendors.get(workspace, id);
    }

    @Transactional
    public Vendor update(WorkspaceId workspace, UUID id, VendorDetails details, String actor) {
        vendors.get(workspace, id);
        VendorDetails clean = validate(workspace, id, details);
        store.update(workspace, id, clean, clock.instant(), actor);
        events.publishEvent(new VendorUpdated(workspace, id, clean.name(), actor));
        return vendors.get(workspace, id);
    }

    @Transactional
    public void remove(WorkspaceId workspace, UUID id, String actor) {
        Vendor vendor = vendors.get(workspace, id);
        store.delete(workspace, id);
        events.publishEvent(new VendorRemoved(workspace, id, vendor.name(), actor));
    }

    private VendorDetails validate(WorkspaceId workspace, UUID id, VendorDetails d) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = trim(d.name());
        if (name == null) {
            errors.put("name", "is required");
        } else if (name.length() > 200) {
            errors.put("name", "at most 200 characters");
        } else if (store.nameTaken(workspace, name, id)) {
            errors.put("name", "another vendor is already called " + name);
        }
        String website = trim(d.website());
        if (website != null && !isWebAddress(website)) {
            errors.put("website", "must be an http or https address, e.g. https://example.com");
        }
        String purpose = trim(d.purpose());
        if (purpose != null && purpose.length() > 2000) {
            errors.put("purpose", "at most 2000 characters");
        }
        if (d.data().contains(DataCategory.NONE) && d.data().size() > 1) {
            errors.put("data", "'none' cannot be combined with other kinds of data");
        }
        List<String> countries = d.countries().stream().map(c -> c == null ? "" : c.trim().toUpperCase(Locale.ROOT))
                .filter(c -> !c.isEmpty()).distinct().toList();
        List<String> unknown = countries.stream().filter(c -> !Countries.known(c)).toList();
        if (!unknown.isEmpty()) {
            errors.put("countries", "not ISO 3166 two-letter country codes: " + String.join(", ", unknown));
        }
        if (d.subprocessor() && !(d.data().contains(DataCategory.PERSONAL) || d.data().contains(DataCategory.HEALTH)
                || d.data().contains(DataCategory.CARDHOLDER) || d.data().contains(DataCategory.CUSTOMER))) {
            errors.put("subprocessor", "a subprocessor processes customers' personal data: tick the data it touches");
        }
        String owner = trim(d.owner());
        if (owner != null && members.memberByEmail(workspace, owner).isEmpty()) {
            errors.put("owner", "no member of this workspace has the email " + owner);
        }
        String reason = trim(d.overrideReason());
        if (d.tierOverride() != null && reason == null) {
            errors.put("overrideReason", "say why the tier differs from the one the data implies");
        }
        if (d.contractStart() != null && d.contractEnd() != null && d.contractEnd().isBefore(d.contractStart())) {
            errors.put("contractEnd", "must not be before the contract start");
        }
        String reportType = trim(d.reportType());
        if (reportType != null && !REPORT_TYPES.contains(reportType)) {
            errors.put("reportType", "must be soc2 or iso27001");
        }
        if (d.reportReviewedOn() != null && reportType == null) {
            errors.put("reportType", "say which report was reviewed (soc2 or iso27001)");
        }
        if (d.reportReviewedOn() != null && trim(d.reportReviewer()) == null) {
            errors.put("reportReviewer", "say who reviewed the report");
        }
        LocalDate today = LocalDate.now(clock);
        for (var date : Map.of("reportReviewedOn", nullSafe(d.reportReviewedOn()), "dpaSignedOn", nullSafe(d.dpaSignedOn()),
                "baaSignedOn", nullSafe(d.baaSignedOn())).entrySet()) {
            if (date.getValue().isAfter(today)) {
                errors.put(date.getKey(), "cannot be in the future");
            }
        }
        if (d.baaSignedOn() != null && !d.data().contains(DataCategory.HEALTH)) {
            errors.put("baaSignedOn", "a BAA applies only to vendors that touch health data");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
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
