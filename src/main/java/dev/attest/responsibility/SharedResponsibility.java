package dev.attest.responsibility;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import dev.attest.controls.ControlStatus;
import dev.attest.controls.WorkspaceControls;
import dev.attest.evidence.EvidenceStore;
import dev.attest.identity.WorkspaceId;
import dev.attest.responsibility.internal.ResponsibilityStore;
import dev.attest.vendors.Vendor;
import dev.attest.vendors.Vendors;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The shared-responsibility model of a workspace, kept on the control library: each control is the
 * company's unless assigned to a provider (a vendor of the register), shared with one, or left to
 * the customer with guidance. The SOC 2 complementary controls and the public page come from it.
 */
@Service
public class SharedResponsibility {

    static final int MAX_TEXT = 2000;

    private final ResponsibilityStore store;
    private final Catalog catalog;
    private final WorkspaceControls controls;
    private final Vendors vendors;
    private final EvidenceStore evidence;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SharedResponsibility(ResponsibilityStore store, Catalog catalog, WorkspaceControls controls, Vendors vendors, EvidenceStore evidence,
                         ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.controls = controls;
        this.vendors = vendors;
        this.evidence = evidence;
        this.events = events;
        this.clock = clock;
    }

    /** Every control of the library with who carries it and its live status, in key order. */
    @Transactional(readOnly = true)
    public List<Responsibility> matrix(WorkspaceId workspace) {
        Map<String, ResponsibilityStore.Row> rows = store.all(workspace);
        Map<ControlKey, ControlStatus> statuses = controls.statuses(workspace);
        Map<UUID, String> vendorNames = new HashMap<>();
        vendors.list(workspace).forEach(v -> vendorNames.put(v.id(), v.name()));
        List<Responsibility> matrix = new ArrayList<>();
        for (Control control : catalog.controls()) {
            matrix.add(of(control, rows.get(control.key().value()), statuses.get(control.key()), vendorNames));
        }
        return matrix;
    }

    @Transactional(readOnly = true)
    public Responsibility get(WorkspaceId workspace, String key) {
        Control control = catalog.requireControl(key);
        Map<UUID, String> vendorNames = new HashMap<>();
        vendors.list(workspace).forEach(v -> vendorNames.put(v.id(), v.name()));
        return of(control, store.all(workspace).get(control.key().value()), controls.status(workspace, key), vendorNames);
    }

    private static Responsibility of(Control control, ResponsibilityStore.Row row, ControlStatus status, Map<UUID, String> vendorNames) {
        if (row == null) {
            return new Responsibility(control.key().value(), control.name(), control.domain(), Party.COMPANY, null, null, null, null, null,
                    status, null, null);
        }
        return new Responsibility(control.key().value(), control.name(), control.domain(), row.party(), row.providerId(),
                row.providerId() == null ? null : vendorNames.getOrDefault(row.providerId(), "(removed vendor)"), row.providerDuty(),
                row.customerGuidance(), row.providerReport(), status, row.updatedAt(), row.updatedBy());
    }

    /** Assigns a control; a provider must be a vendor of the register and customer parts need guidance. */
    @Transactional
    public Responsibility assign(WorkspaceId workspace, String key, ResponsibilityChange change, String actor) {
        Control control = catalog.requireControl(key);
        Map<String, String> errors = new LinkedHashMap<>();
        Party party = change.party() == null ? null : Party.fromWireName(change.party()).orElse(null);
        if (party == null) {
            errors.put("party", "must be one of " + Party.allowed());
        }
        Vendor provider = null;
        if (party != null && party.involvesProvider()) {
            if (change.providerId() == null) {
                errors.put("providerId", "name the vendor (from the vendor register) that carries the control");
            } else {
                try {
                    provider = vendors.get(workspace, change.providerId());
                } catch (NotFoundException e) {
                    errors.put("providerId", "is not a vendor in this workspace's vendor register");
                }
            }
        }
        String guidance = trim(change.customerGuidance());
        if (party != null && party.involvesCustomer() && guidance == null) {
            errors.put("customerGuidance", "tell customers what they must do, e.g. \"Enable SSO for your console users\"");
        }
        if (guidance != null && guidance.length() > MAX_TEXT) {
            errors.put("customerGuidance", "at most " + MAX_TEXT + " characters");
        }
        String duty = trim(change.providerDuty());
        if (duty != null && duty.length() > MAX_TEXT) {
            errors.put("providerDuty", "at most " + MAX_TEXT + " characters");
        }
        if (change.providerReport() != null) {
            if (party == null || !party.involvesProvider()) {
                errors.put("providerReport", "only a provider's control has a provider report");
            } else {
                try {
                    evidence.get(workspace, change.providerReport());
                } catch (NotFoundException e) {
                    errors.put("providerReport", "is not an evidence item of this workspace");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        store.save(workspace, new ResponsibilityStore.Row(control.key().value(), party,
                party.involvesProvider() ? provider.id() : null, party.involvesProvider() ? duty : null,
                party.involvesCustomer() ? guidance : null, party.involvesProvider() ? change.providerReport() : null,
                clock.instant(), actor));
        events.publishEvent(new ResponsibilityAssigned(workspace, control.key().value(), party.wireName(),
                provider == null ? null : provider.name(), actor));
        return get(workspace, key);
    }

    /**
     * Assigns several controls the same way, all or none: an unknown control or a refused change
     * rolls every assignment back and names the field.
     */
    @Transactional
    public List<Responsibility> assignAll(WorkspaceId workspace, List<String> keys, ResponsibilityChange change, String actor) {
        List<String> unknown = keys == null ? List.of() : keys.stream().filter(k -> catalog.control(k).isEmpty()).toList();
        if (keys == null || keys.isEmpty()) {
            throw new InvalidFieldException("controls", "choose at least one control");
        }
        if (!unknown.isEmpty()) {
            throw new InvalidFieldException("controls", "not controls of the library: " + String.join(", ", unknown));
        }
        List<Responsibility> assigned = new ArrayList<>();
        for (String key : new java.util.LinkedHashSet<>(keys)) {
            assigned.add(assign(workspace, key, change, actor));
        }
        return assigned;
    }

    /**
     * The SOC 2 complementary controls, per criterion in the framework's order: the customer parts
     * (CUECs) and the provider parts (CSOCs) of the controls mapped to each criterion. Criteria
     * without either are left out.
     */
    @Transactional(readOnly = true)
    public List<ComplementaryControls> complementaryControls(WorkspaceId workspace) {
        Map<String, Responsibility> byControl = new HashMap<>();
        matrix(workspace).forEach(r -> byControl.put(r.control(), r));
        Framework soc2 = catalog.requireFramework("soc2");
        List<ComplementaryControls> result = new ArrayList<>();
        for (Requirement criterion : soc2.requirements()) {
            if (!criterion.assessed()) {
                continue;
            }
            List<ComplementaryControls.UserEntityControl> user = new ArrayList<>();
            List<ComplementaryControls.SubserviceControl> subservice = new ArrayList<>();
            for (ControlKey key : criterion.controls()) {
                Responsibility r = byControl.get(key.value());
                if (r == null) {
                    continue;
                }
                if (r.party().involvesCustomer()) {
                    user.add(new ComplementaryControls.UserEntityControl(r.control(), r.controlName(), r.customerGuidance()));
                }
                if (r.party().involvesProvider()) {
                    subservice.add(new ComplementaryControls.SubserviceControl(r.control(), r.controlName(), r.providerName(),
                            r.providerDuty() == null ? r.providerName() + " operates " + lower(r.controlName()) + " for the services it provides"
                                    : r.providerDuty(), r.providerReport() != null));
                }
            }
            if (!user.isEmpty() || !subservice.isEmpty()) {
                result.add(new ComplementaryControls(criterion.ref(), criterion.title(), user, subservice));
            }
        }
        return result;
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
