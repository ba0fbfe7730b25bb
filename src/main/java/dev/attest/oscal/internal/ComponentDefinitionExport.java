package dev.attest.oscal.internal;

import dev.attest.catalog.Catalog;
import dev.attest.identity.CurrentUser;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.Monitoring;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static dev.attest.oscal.internal.OscalDocuments.NODES;
import static dev.attest.oscal.internal.OscalDocuments.NS;
import static dev.attest.oscal.internal.OscalDocuments.controlId;
import static dev.attest.oscal.internal.OscalDocuments.md;
import static dev.attest.oscal.internal.OscalDocuments.metadata;
import static dev.attest.oscal.internal.OscalDocuments.uuid;
import static dev.attest.oscal.internal.OscalDocuments.wrap;

/** The checks as an OSCAL component definition: one component per collector, with the library controls its checks test. */
@Service
@RequiredArgsConstructor
class ComponentDefinitionExport {

    private final Catalog catalog;
    private final Monitoring monitoring;
    private final Clock clock;

    @Transactional(readOnly = true)
    public ObjectNode componentDefinition(CurrentUser user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode definition = NODES.objectNode();
        definition.put("uuid", UUID.randomUUID().toString());
        definition.set("metadata", metadata(user.workspaceName() + ": Attest checks as components", now));
        String library = uuid("library", catalog.version());
        Map<String, Map<String, List<Check>>> bySource = new TreeMap<>();
        for (Check check : monitoring.checks(user.workspaceId())) {
            String source = check.resourceType().contains(".") ? check.resourceType().substring(0, check.resourceType().indexOf('.'))
                    : check.resourceType();
            for (String control : check.controls()) {
                bySource.computeIfAbsent(source, k -> new TreeMap<>()).computeIfAbsent(control, k -> new ArrayList<>()).add(check);
            }
        }
        if (bySource.isEmpty()) {
            throw new NotFoundException("This workspace has no check that proves a control: nothing to describe");
        }
        ArrayNode components = definition.putArray("components");
        bySource.forEach((source, byControl) -> {
            ObjectNode component = components.addObject();
            component.put("uuid", uuid("collector", source)).put("type", "software").put("title", md(source + " collector"));
            component.put("description", md("The Attest " + source + " collector and the checks over the resources it collects."));
            component.putArray("props").addObject().put("name", "collector").put("ns", NS).put("value", controlId(source));
            ObjectNode implementation = component.putArray("control-implementations").addObject();
            implementation.put("uuid", uuid("control-implementation", source, catalog.version()));
            implementation.put("source", "#" + library);
            implementation.put("description", md("Controls of the Attest library that the " + source + " checks test."));
            ArrayNode requirements = implementation.putArray("implemented-requirements");
            byControl.forEach((control, checks) -> {
                ObjectNode requirement = requirements.addObject();
                requirement.put("uuid", uuid("check-requirement", source, control)).put("control-id", controlId(control));
                requirement.put("description", md("Tested by: " + String.join("; ", checks.stream()
                        .map(c -> c.title() + " (" + c.key() + ", over " + c.resourceType() + ")").toList()) + "."));
                ArrayNode props = requirement.putArray("props");
                checks.forEach(c -> props.addObject().put("name", "check").put("ns", NS).put("value", controlId(c.key())));
            });
        });
        definition.putObject("back-matter").putArray("resources").addObject().put("uuid", library)
                .put("title", md("Attest control library, catalog " + catalog.version()));
        return wrap("component-definition", definition);
    }
}
