package dev.attest.oscal.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import dev.attest.controls.AdoptedFramework;
import dev.attest.controls.ControlState;
import dev.attest.controls.Readiness;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.CollectorConnections;
import dev.attest.monitoring.Connection;
import dev.attest.responsibility.Responsibility;
import dev.attest.responsibility.SharedResponsibility;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dev.attest.oscal.internal.OscalDocuments.NODES;
import static dev.attest.oscal.internal.OscalDocuments.NS;
import static dev.attest.oscal.internal.OscalDocuments.controlId;
import static dev.attest.oscal.internal.OscalDocuments.md;
import static dev.attest.oscal.internal.OscalDocuments.metadata;
import static dev.attest.oscal.internal.OscalDocuments.person;
import static dev.attest.oscal.internal.OscalDocuments.uuid;
import static dev.attest.oscal.internal.OscalDocuments.wrap;

/**
 * The system security plan of an adopted framework: the system, its providers and its Attest
 * connections as components, and the requirements in the workspace's scope as implemented
 * requirements ({@link ImplementedRequirements}).
 */
@Service
@RequiredArgsConstructor
class SspExport {

    private final Catalog catalog;
    private final WorkspaceControls controls;
    private final CollectorConnections connections;
    private final SharedResponsibility responsibility;
    private final Clock clock;

    @Transactional(readOnly = true)
    public ObjectNode systemSecurityPlan(CurrentUser user, String frameworkId) {
        WorkspaceId workspace = user.workspaceId();
        Framework framework = catalog.requireFramework(frameworkId);
        AdoptedFramework adopted = controls.adopted(workspace).stream().filter(a -> a.frameworkId().equals(frameworkId)).findFirst()
                .orElseThrow(() -> new InvalidFieldException("framework", framework.name() + " is not adopted by this workspace: adopt it first"));
        Map<ControlKey, ControlState> states = controls.states(workspace);
        Map<String, Responsibility> carried = new HashMap<>();
        responsibility.matrix(workspace).forEach(r -> carried.put(r.control(), r));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        ObjectNode ssp = NODES.objectNode();
        ssp.put("uuid", UUID.randomUUID().toString());
        ObjectNode metadata = metadata(user.workspaceName() + " system security plan: " + framework.name(), now);
        ArrayNode roles = metadata.putArray("roles");
        roles.addObject().put("id", "control-owner").put("title", "Control owner");
        roles.addObject().put("id", "provider").put("title", "Provider (subservice organization)");
        roles.addObject().put("id", "customer").put("title", "Customer (user entity)");
        Map<String, String> parties = new LinkedHashMap<>();
        ssp.set("metadata", metadata);
        String frameworkResource = uuid("framework", framework.id());
        ssp.putObject("import-profile").put("href", "#" + frameworkResource);

        ObjectNode characteristics = ssp.putObject("system-characteristics");
        characteristics.putArray("system-ids").addObject().put("identifier-type", "https://ietf.org/rfc/rfc4122")
                .put("id", workspace.value().toString());
        characteristics.put("system-name", user.workspaceName());
        characteristics.put("description", md("The services of " + user.workspaceName() + " as described by its Attest workspace: "
                + "the controls it runs, the systems Attest monitors and the providers it relies on."));
        ObjectNode info = characteristics.putObject("system-information").putArray("information-types").addObject();
        info.put("uuid", uuid("information-type", workspace.value().toString()));
        info.put("title", "Customer data");
        info.put("description", "Data that customers store in and process with the services.");
        info.putObject("confidentiality-impact").put("base", "fips-199-moderate");
        info.putObject("integrity-impact").put("base", "fips-199-moderate");
        info.putObject("availability-impact").put("base", "fips-199-moderate");
        characteristics.putObject("status").put("state", "operational");
        characteristics.putObject("authorization-boundary").put("description",
                md("The production services of " + user.workspaceName() + " and the systems its Attest connections collect from."));

        ObjectNode implementation = ssp.putObject("system-implementation");
        implementation.putArray("users").addObject().put("uuid", uuid("user", "control-owners", workspace.value().toString()))
                .put("title", "Control owners").putArray("role-ids").add("control-owner");
        ArrayNode components = implementation.putArray("components");
        String thisSystem = uuid("component", "this-system", workspace.value().toString());
        ObjectNode self = components.addObject();
        self.put("uuid", thisSystem).put("type", "this-system").put("title", md(user.workspaceName()))
                .put("description", md("The system as a whole, as the company runs it.")).putObject("status").put("state", "operational");
        Map<UUID, String> providerComponents = new LinkedHashMap<>();
        for (Responsibility r : carried.values()) {
            if (r.providerId() != null && !providerComponents.containsKey(r.providerId())) {
                String component = uuid("component", "provider", r.providerId().toString());
                providerComponents.put(r.providerId(), component);
                ObjectNode provider = components.addObject();
                provider.put("uuid", component).put("type", "service").put("title", md(r.providerName()))
                        .put("description", md(r.providerName() + ", a provider from the vendor register whose controls the system inherits."));
                provider.putArray("props").addObject().put("name", "implementation-point").put("value", "external");
                provider.putObject("status").put("state", "operational");
            }
        }
        for (Connection connection : connections.list(workspace)) {
            ObjectNode component = components.addObject();
            component.put("uuid", uuid("component", "connection", connection.id().toString())).put("type", "software")
                    .put("title", md(connection.name()))
                    .put("description", md("Attest connection: the " + connection.kind() + " collector reading " + connection.target() + "."));
            component.putArray("props").addObject().put("name", "collector").put("ns", NS).put("value", controlId(connection.kind()));
            component.putObject("status").put("state", connection.enabled() ? "operational" : "disposition");
        }

        ObjectNode controlImplementation = ssp.putObject("control-implementation");
        controlImplementation.put("description", md("How the controls of the Attest library implement " + framework.name()
                + ", with each requirement's state from the controls mapped to it."));
        ArrayNode implemented = controlImplementation.putArray("implemented-requirements");
        var requirements = new ImplementedRequirements(catalog, framework, states, carried, thisSystem, providerComponents, parties);
        for (Requirement requirement : framework.requirements()) {
            if (!Readiness.inScope(requirement, adopted.categories())) {
                continue;
            }
            implemented.add(requirements.of(requirement));
        }
        if (!parties.isEmpty()) {
            ArrayNode partyList = metadata.putArray("parties");
            parties.forEach((email, id) -> person(partyList, id, email));
        }
        ArrayNode resources = ssp.putObject("back-matter").putArray("resources");
        ObjectNode resource = resources.addObject().put("uuid", frameworkResource).put("title", md(framework.name()))
                .put("description", md(framework.edition() + (catalog.isImported(framework.id()) ? " (imported from OSCAL into Attest)"
                        : " (as the Attest catalog " + catalog.version() + " lists it)")));
        resource.putArray("props").addObject().put("name", "framework").put("ns", NS).put("value", controlId(framework.id()));
        return wrap("system-security-plan", ssp);
    }
}
