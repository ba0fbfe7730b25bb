package dev.attest.responsibility.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.identity.WorkspaceId;
import dev.attest.responsibility.Party;
import dev.attest.responsibility.Responsibility;
import dev.attest.responsibility.ResponsibilityAssigned;
import dev.attest.responsibility.ResponsibilityChange;
import dev.attest.vendors.Vendor;
import dev.attest.vendors.Vendors;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.Submission;
import dev.attest.web.WireName;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Assigns who carries a control, one at a time or several the same way: a provider must be a vendor of the
 * register, customer parts need guidance, and a provider's report is an evidence item of the workspace.
 */
@Service
@RequiredArgsConstructor
public class Assignments {

    private final ResponsibilityStore store;
    private final ResponsibilityMatrix matrix;
    private final Catalog catalog;
    private final Vendors vendors;
    private final EvidenceLocker evidence;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Assigns a control, or names every refused field at once. */
    @Transactional
    public Responsibility assign(WorkspaceId workspace, String key, ResponsibilityChange change, String actor) {
        Control control = catalog.requireControl(key);
        Map<String, String> errors = new LinkedHashMap<>();
        Party party = change.assignedParty().orElse(null);
        if (party == null) {
            errors.put("party", "must be one of " + WireName.allowed(Party.class));
        }
        Vendor provider = party != null && party.involvesProvider() ? provider(workspace, change, errors) : null;
        if (party != null && party.involvesCustomer() && change.customerGuidance() == null) {
            errors.put("customerGuidance", "tell customers what they must do, e.g. \"Enable SSO for your console users\"");
        }
        Submission.fieldErrors(validator.validate(change)).forEach(errors::put);
        if (change.providerReport() != null) {
            if (party == null || !party.involvesProvider()) {
                errors.put("providerReport", "only a provider's control has a provider report");
            } else if (!evidenceExists(workspace, change)) {
                errors.put("providerReport", "is not an evidence item of this workspace");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        store.save(workspace, ResponsibilityStore.Row.of(control.key().value(), change.keptFor(party), clock.instant(), actor));
        events.publishEvent(new ResponsibilityAssigned(workspace, control.key().value(), party.wireName(),
                provider == null ? null : provider.name(), actor));
        return matrix.get(workspace, key);
    }

    /**
     * Assigns several controls the same way, all or none: an unknown control or a refused change
     * rolls every assignment back and names the field.
     */
    @Transactional
    public List<Responsibility> assignAll(WorkspaceId workspace, List<String> keys, ResponsibilityChange change, String actor) {
        if (keys == null || keys.isEmpty()) {
            throw new InvalidFieldException("controls", "choose at least one control");
        }
        List<String> unknown = keys.stream().filter(k -> catalog.control(k).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidFieldException("controls", "not controls of the library: " + String.join(", ", unknown));
        }
        List<Responsibility> assigned = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            assigned.add(assign(workspace, key, change, actor));
        }
        return assigned;
    }

    private Vendor provider(WorkspaceId workspace, ResponsibilityChange change, Map<String, String> errors) {
        if (change.providerId() == null) {
            errors.put("providerId", "name the vendor (from the vendor register) that carries the control");
            return null;
        }
        try {
            return vendors.get(workspace, change.providerId());
        } catch (NotFoundException e) {
            errors.put("providerId", "is not a vendor in this workspace's vendor register");
            return null;
        }
    }

    private boolean evidenceExists(WorkspaceId workspace, ResponsibilityChange change) {
        try {
            evidence.get(workspace, change.providerReport());
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
