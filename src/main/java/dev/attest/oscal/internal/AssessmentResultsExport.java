package dev.attest.oscal.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckTally;
import dev.attest.monitoring.Evaluation;
import dev.attest.monitoring.Finding;
import dev.attest.monitoring.Monitoring;
import dev.attest.web.PublicBaseUrl;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static dev.attest.oscal.internal.OscalDocuments.NODES;
import static dev.attest.oscal.internal.OscalDocuments.controlId;
import static dev.attest.oscal.internal.OscalDocuments.md;
import static dev.attest.oscal.internal.OscalDocuments.metadata;
import static dev.attest.oscal.internal.OscalDocuments.uuid;
import static dev.attest.oscal.internal.OscalDocuments.wrap;

/**
 * Assessment results over a period: the monitoring runs and each check's latest tally as
 * observations with links to their evidence, and the failing checks as findings.
 */
@Service
@RequiredArgsConstructor
class AssessmentResultsExport {

    private final Monitoring monitoring;
    private final PublicBaseUrl baseUrl;
    private final Clock clock;

    @Transactional(readOnly = true)
    public ObjectNode assessmentResults(CurrentUser user, Instant from, Instant to) {
        WorkspaceId workspace = user.workspaceId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode results = NODES.objectNode();
        results.put("uuid", UUID.randomUUID().toString());
        results.set("metadata", metadata(user.workspaceName() + ": assessment results " + from + " to " + to, now));
        String plan = uuid("assessment-plan", workspace.value().toString());
        results.putObject("import-ap").put("href", "#" + plan);
        ObjectNode result = results.putArray("results").addObject();
        result.put("uuid", UUID.randomUUID().toString());
        result.put("title", "Continuous monitoring by Attest");
        result.put("description", md("The checks Attest ran over the monitored systems between " + from + " and " + to
                + ", with the evidence each run recorded, and the failing checks as findings."));
        result.put("start", from.toString());
        result.put("end", to.toString());
        result.putObject("reviewed-controls").putArray("control-selections").addObject().putObject("include-all");

        ArrayNode observations = NODES.arrayNode();
        for (Evaluation run : monitoring.evaluations(workspace, 1000)) {
            if (run.finishedAt() == null || run.finishedAt().isBefore(from) || run.finishedAt().isAfter(to)) {
                continue;
            }
            ObjectNode observation = observations.addObject();
            observation.put("uuid", uuid("run", run.id().toString()));
            observation.put("title", "Monitoring run (" + run.trigger() + ")");
            observation.put("description", md("Run " + run.id() + ": " + run.resources() + " resources, " + run.resultsPassed()
                    + " results passed, " + run.resultsFailed() + " failed; " + run.checksFailing() + " checks failing."));
            observation.putArray("methods").add("TEST");
            observation.put("collected", run.finishedAt().truncatedTo(ChronoUnit.SECONDS).toString());
            if (run.evidenceId() != null) {
                observation.putArray("relevant-evidence").addObject().put("href", baseUrl.link("/api/v1/evidence/" + run.evidenceId()))
                        .put("description", md("The check results this run recorded, in the evidence ledger."));
            }
        }
        Map<String, Check> checks = new HashMap<>();
        monitoring.checks(workspace).forEach(c -> checks.put(c.key(), c));
        Map<String, String> checkObservations = new HashMap<>();
        for (CheckTally tally : monitoring.tallies(workspace).values()) {
            Check check = checks.get(tally.checkKey());
            if (check == null || tally.evaluatedAt() == null || tally.evaluatedAt().isAfter(to)) {
                continue;
            }
            String id = uuid("check-observation", tally.checkKey(), from.toString(), to.toString());
            checkObservations.put(tally.checkKey(), id);
            ObjectNode observation = observations.addObject();
            observation.put("uuid", id);
            observation.put("title", md(check.title()));
            observation.put("description", md("Check " + check.key() + " over " + check.resourceType() + ": " + tally.passed()
                    + " passed, " + tally.failed() + " failed. Proves " + String.join(", ", check.controls()) + "."));
            observation.putArray("methods").add("TEST");
            observation.put("collected", tally.evaluatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
            observation.putArray("relevant-evidence").addObject()
                    .put("href", baseUrl.link("/api/v1/checks/" + check.key() + "/results"))
                    .put("description", md("The latest result of the check on each resource."));
        }
        if (!observations.isEmpty()) {
            result.set("observations", observations);
        }
        ArrayNode findings = NODES.arrayNode();
        for (Finding finding : monitoring.failingFindings(workspace, 1000)) {
            if (finding.openedAt().isAfter(to)) {
                continue;
            }
            ObjectNode node = findings.addObject();
            node.put("uuid", uuid("finding", finding.id().toString()));
            node.put("title", md(finding.checkKey() + " fails on " + finding.resourceId()));
            node.put("description", md("Check " + finding.checkKey() + " fails on " + finding.resourceType() + " " + finding.resourceId()
                    + " since " + finding.openedAt().truncatedTo(ChronoUnit.SECONDS) + "; due " + finding.dueAt() + "."));
            ObjectNode target = node.putObject("target");
            target.put("type", "objective-id").put("target-id", controlId((finding.controlKey() == null ? finding.checkKey() : finding.controlKey()) + "_obj"));
            target.putObject("status").put("state", "not-satisfied");
            String observation = checkObservations.get(finding.checkKey());
            if (observation != null) {
                node.putArray("related-observations").addObject().put("observation-uuid", observation);
            }
        }
        if (!findings.isEmpty()) {
            result.set("findings", findings);
        }
        results.putObject("back-matter").putArray("resources").addObject().put("uuid", plan)
                .put("title", "Attest continuous monitoring")
                .put("description", md("There is no separate assessment plan: every check Attest holds runs on every collection."));
        return wrap("assessment-results", results);
    }
}
