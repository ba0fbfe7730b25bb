package dev.attest.oscal.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import dev.attest.controls.ControlState;
import dev.attest.controls.ImplementationStatus;
import dev.attest.responsibility.Party;
import dev.attest.responsibility.Responsibility;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static dev.attest.oscal.internal.OscalDocuments.NODES;
import static dev.attest.oscal.internal.OscalDocuments.NS;
import static dev.attest.oscal.internal.OscalDocuments.controlId;
import static dev.attest.oscal.internal.OscalDocuments.md;
import static dev.attest.oscal.internal.OscalDocuments.uuid;

/**
 * One system security plan's implemented requirements: each requirement's state from the controls
 * mapped to it, its control owners as parties, and the shared responsibility as the system's export
 * (provided, responsibilities) and the providers' inherited and satisfied parts.
 *
 * @param thisSystem         the component UUID of the system as a whole
 * @param providerComponents the component UUID of each provider the system inherits controls from
 * @param parties            filled here: the control owners' party UUIDs by email
 */
record ImplementedRequirements(Catalog catalog, Framework framework, Map<ControlKey, ControlState> states,
                               Map<String, Responsibility> carried, String thisSystem, Map<UUID, String> providerComponents,
                               Map<String, String> parties) {

    /** The implementation state OSCAL records for a requirement, from the states of the controls mapped to it. */
    static String implementationState(Requirement requirement, Map<ControlKey, ControlState> states) {
        if (requirement.controls().isEmpty()) {
            String reason = requirement.noControlReason() == null ? "" : requirement.noControlReason();
            return reason.startsWith("not applicable") ? "not-applicable" : "alternative";
        }
        List<ImplementationStatus> statuses = requirement.controls().stream()
                .map(k -> states.containsKey(k) ? states.get(k).status() : ImplementationStatus.NOT_STARTED).toList();
        if (statuses.stream().allMatch(s -> s == ImplementationStatus.NOT_APPLICABLE)) {
            return "not-applicable";
        }
        if (statuses.stream().allMatch(ImplementationStatus::settled)) {
            return "implemented";
        }
        if (statuses.stream().anyMatch(s -> s == ImplementationStatus.IMPLEMENTED || s == ImplementationStatus.IN_PROGRESS)) {
            return "partial";
        }
        return "planned";
    }

    /** The implemented requirement of one requirement of the framework. */
    ObjectNode of(Requirement requirement) {
        String controlId = controlId(requirement.ref());
        ObjectNode node = NODES.objectNode();
        node.put("uuid", uuid("implemented-requirement", framework.id(), requirement.ref()));
        node.put("control-id", controlId);
        ArrayNode props = node.putArray("props");
        props.addObject().put("name", "label").put("value", requirement.citation() == null ? requirement.ref() : requirement.citation());
        for (ControlKey key : requirement.controls()) {
            props.addObject().put("name", "control").put("ns", NS).put("value", key.value());
        }
        Set<String> owners = new LinkedHashSet<>();
        requirement.controls().forEach(k -> {
            ControlState state = states.get(k);
            if (state != null && state.owner() != null) {
                owners.add(state.owner());
            }
        });
        if (!owners.isEmpty()) {
            ArrayNode partyIds = node.putArray("responsible-roles").addObject().put("role-id", "control-owner").putArray("party-uuids");
            owners.forEach(o -> partyIds.add(parties.computeIfAbsent(o, e -> uuid("party", e))));
        }
        String state = implementationState(requirement, states);
        ArrayNode byComponents = node.putArray("by-components");
        ObjectNode own = byComponents.addObject();
        own.put("component-uuid", thisSystem).put("uuid", uuid("by-component", framework.id(), requirement.ref(), "this-system"));
        own.put("description", md(describe(requirement, states)));
        own.putObject("implementation-status").put("state", state);
        List<ObjectNode> provided = new ArrayList<>();
        List<ObjectNode> customer = new ArrayList<>();
        Map<String, List<Responsibility>> byProvider = new TreeMap<>();
        for (ControlKey key : requirement.controls()) {
            Responsibility r = carried.get(key.value());
            if (r == null) {
                continue;
            }
            if (r.party().involvesCompany()) {
                provided.add(NODES.objectNode().put("uuid", uuid("provided", requirement.ref(), key.value()))
                        .put("description", md(key.value() + " " + r.controlName() + ": operated by the company.")));
            }
            if (r.party().involvesCustomer()) {
                customer.add(NODES.objectNode().put("uuid", uuid("responsibility", requirement.ref(), key.value()))
                        .put("description", md(key.value() + ": " + r.customerGuidance())));
            }
            if (r.party().involvesProvider() && providerComponents.containsKey(r.providerId())) {
                byProvider.computeIfAbsent(providerComponents.get(r.providerId()), k -> new ArrayList<>()).add(r);
            }
        }
        if (!provided.isEmpty() || !customer.isEmpty()) {
            ObjectNode export = own.putObject("export");
            if (!provided.isEmpty()) {
                export.putArray("provided").addAll(provided);
            }
            if (!customer.isEmpty()) {
                export.putArray("responsibilities").addAll(customer);
            }
        }
        byProvider.forEach((component, carriedByIt) -> {
            ObjectNode leveraged = byComponents.addObject();
            leveraged.put("component-uuid", component).put("uuid", uuid("by-component", framework.id(), requirement.ref(), component));
            leveraged.put("description", md("Inherited from " + carriedByIt.get(0).providerName() + "."));
            ArrayNode inherited = leveraged.putArray("inherited");
            List<ObjectNode> satisfied = new ArrayList<>();
            for (Responsibility r : carriedByIt) {
                ObjectNode entry = inherited.addObject().put("uuid", uuid("inherited", requirement.ref(), r.control()))
                        .put("description", md(r.control() + " " + r.controlName() + ": " + (r.providerDuty() == null
                                ? "operated by " + r.providerName() : r.providerDuty())));
                entry.putArray("responsible-roles").addObject().put("role-id", "provider");
                if (r.party() == Party.SHARED) {
                    satisfied.add(NODES.objectNode().put("uuid", uuid("satisfied", requirement.ref(), r.control()))
                            .put("description", md(r.control() + ": the company operates its part of the shared control.")));
                }
            }
            if (!satisfied.isEmpty()) {
                leveraged.putArray("satisfied").addAll(satisfied);
            }
        });
        return node;
    }

    private String describe(Requirement requirement, Map<ControlKey, ControlState> states) {
        if (requirement.controls().isEmpty()) {
            return "No control of the library covers " + requirement.ref() + ": " + (requirement.noControlReason() == null
                    ? "no reason recorded." : requirement.noControlReason());
        }
        List<String> parts = new ArrayList<>();
        for (ControlKey key : requirement.controls()) {
            ControlState state = states.get(key);
            String name = catalog.control(key.value()).map(c -> c.name()).orElse(key.value());
            parts.add(key.value() + " " + name + " (" + (state == null ? "not started" : state.status().label().toLowerCase()) + ")");
        }
        return requirement.title() + ": " + String.join("; ", parts) + ".";
    }
}
