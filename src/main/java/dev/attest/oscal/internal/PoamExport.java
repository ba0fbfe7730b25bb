package dev.attest.oscal.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Finding;
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
import java.util.LinkedHashMap;
import java.util.List;
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

/** The plan of action and milestones: a risk and a POA&M item for each open finding, with its due date and owner. */
@Service
@RequiredArgsConstructor
class PoamExport {

    private final Monitoring monitoring;
    private final Clock clock;

    @Transactional(readOnly = true)
    public ObjectNode planOfActionAndMilestones(CurrentUser user) {
        WorkspaceId workspace = user.workspaceId();
        List<Finding> open = monitoring.failingFindings(workspace, 1000);
        if (open.isEmpty()) {
            throw new NotFoundException("No open finding: there is nothing to plan");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode poam = NODES.objectNode();
        poam.put("uuid", UUID.randomUUID().toString());
        ObjectNode metadata = metadata(user.workspaceName() + ": plan of action and milestones", now);
        poam.set("metadata", metadata);
        poam.putObject("system-id").put("identifier-type", "https://ietf.org/rfc/rfc4122").put("id", workspace.value().toString());
        ArrayNode risks = poam.putArray("risks");
        ArrayNode items = poam.putArray("poam-items");
        Map<String, String> owners = new LinkedHashMap<>();
        for (Finding finding : open) {
            String risk = uuid("risk", finding.id().toString());
            ObjectNode riskNode = risks.addObject();
            riskNode.put("uuid", risk);
            riskNode.put("title", md(finding.checkKey() + " fails on " + finding.resourceId()));
            riskNode.put("description", md("Check " + finding.checkKey() + " fails on " + finding.resourceType() + " " + finding.resourceId() + "."));
            riskNode.put("statement", md("Until fixed, control " + (finding.controlKey() == null ? "(none)" : finding.controlKey())
                    + " is not proven on this resource (severity " + finding.severity().name().toLowerCase() + ")."));
            riskNode.put("status", "open");
            if (finding.dueAt() != null) {
                riskNode.put("deadline", finding.dueAt().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            ObjectNode item = items.addObject();
            item.put("uuid", uuid("poam-item", finding.id().toString()));
            item.put("title", md("Fix " + finding.checkKey() + " on " + finding.resourceId()));
            item.put("description", md("Make " + finding.resourceType() + " " + finding.resourceId() + " pass " + finding.checkKey()
                    + (finding.dueAt() == null ? "." : " by " + finding.dueAt().truncatedTo(ChronoUnit.SECONDS) + ".")));
            ArrayNode props = item.putArray("props");
            if (finding.owner() != null) {
                props.addObject().put("name", "owner").put("ns", NS).put("value", finding.owner());
                owners.computeIfAbsent(finding.owner(), e -> uuid("party", e));
            }
            if (finding.dueAt() != null) {
                props.addObject().put("name", "due-date").put("ns", NS).put("value", finding.dueAt().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            if (finding.controlKey() != null) {
                props.addObject().put("name", "control").put("ns", NS).put("value", finding.controlKey());
            }
            props.addObject().put("name", "check").put("ns", NS).put("value", controlId(finding.checkKey()));
            item.putArray("related-risks").addObject().put("risk-uuid", risk);
        }
        if (!owners.isEmpty()) {
            ArrayNode parties = metadata.putArray("parties");
            owners.forEach((email, id) -> person(parties, id, email));
        }
        return wrap("plan-of-action-and-milestones", poam);
    }
}
