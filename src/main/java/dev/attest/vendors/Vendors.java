package dev.attest.vendors;

import dev.attest.identity.WorkspaceId;
import dev.attest.vendors.internal.VendorStore;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The vendor register of a workspace as other modules read it: the list, a search, the subprocessors
 * and one vendor with what follows from its details. Changes go through {@code internal.VendorRegister}.
 */
@Service
@RequiredArgsConstructor
public class Vendors {

    private final VendorStore store;

    /** Every vendor of the workspace, by name. */
    @Transactional(readOnly = true)
    public List<Vendor> list(WorkspaceId workspace) {
        return store.all(workspace).stream().map(Vendors::vendor).toList();
    }

    /** One page of the register as filtered and sorted, counted and paged by the database. */
    @Transactional(readOnly = true)
    public List<Vendor> page(WorkspaceId workspace, VendorStore.Filter filter, dev.attest.web.TableQuery query) {
        return store.page(workspace, filter, query).stream().map(Vendors::vendor).toList();
    }

    /** How many vendors match the filter. */
    @Transactional(readOnly = true)
    public long count(WorkspaceId workspace, VendorStore.Filter filter) {
        return store.count(workspace, filter);
    }

    /** The vendors whose name contains the term or whose id it is, by name, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Vendor> search(WorkspaceId workspace, dev.attest.web.SearchTerm term, int limit) {
        return store.search(workspace, term, limit).stream().map(Vendors::vendor).toList();
    }

    /** The vendors that process customers' personal data on the company's behalf. */
    @Transactional(readOnly = true)
    public List<Vendor> subprocessors(WorkspaceId workspace) {
        return list(workspace).stream().filter(v -> v.details().subprocessor()).toList();
    }

    /** One vendor; an unknown id, or one from another workspace, is a 404. */
    @Transactional(readOnly = true)
    public Vendor get(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id).map(Vendors::vendor)
                .orElseThrow(() -> new NotFoundException("No vendor " + id));
    }

    static Vendor vendor(VendorStore.Row row) {
        VendorDetails d = row.details();
        RiskTier derived = RiskTier.derivedFrom(d.data());
        RiskTier tier = d.tierOverride() == null ? derived : d.tierOverride();
        boolean outside = d.countries().stream().anyMatch(c -> !Countries.inEea(c));
        LocalDate base = d.reportReviewedOn();
        LocalDate next = base == null ? LocalDate.ofInstant(row.createdAt(), ZoneOffset.UTC) : base.plusMonths(tier.reviewMonths());
        return new Vendor(row.id(), d, derived, tier, outside, next, row.createdAt(), row.updatedAt(), row.updatedBy());
    }
}
