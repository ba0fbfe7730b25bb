package dev.attest.vendors.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.vendors.Vendor;
import dev.attest.vendors.VendorAdded;
import dev.attest.vendors.VendorDetails;
import dev.attest.vendors.VendorRemoved;
import dev.attest.vendors.VendorUpdated;
import dev.attest.vendors.Vendors;
import dev.attest.web.InvalidFieldException;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Changes to the vendor register: add, change and remove vendors, each change published as its
 * {@link dev.attest.vendors.VendorEvent}. Refuses incomplete or contradictory details field by field.
 */
@Service
@Validated
@RequiredArgsConstructor
public class VendorRegister {

    private final VendorStore store;
    private final Vendors vendors;
    private final VendorRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional
    public Vendor add(WorkspaceId workspace, @Valid VendorDetails details, String actor) {
        UUID id = UUID.randomUUID();
        VendorDetails clean = validate(workspace, id, details);
        store.insert(workspace, id, clean, clock.instant(), actor);
        events.publishEvent(new VendorAdded(workspace, id, clean.name(), actor));
        return vendors.get(workspace, id);
    }

    @Transactional
    public Vendor update(WorkspaceId workspace, UUID id, @Valid VendorDetails details, String actor) {
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
        VendorDetails clean = rules.check(workspace, id, d, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return clean;
    }
}
