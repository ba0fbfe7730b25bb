package dev.attest.oscal.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.OscalSchemas;
import dev.attest.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/api/v1/oscal")
@Tag(name = "OSCAL", description = "System security plan, component definition, assessment results and POA&M in OSCAL 1.1.3")
@RequiredArgsConstructor
class OscalExportApi {

    private final SspExport ssp;
    private final ComponentDefinitionExport components;
    private final AssessmentResultsExport results;
    private final PoamExport poam;
    private final OscalForms forms;

    @GetMapping("/ssp/{framework}")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "The system security plan of an adopted framework (format=json|xml): requirements in scope with their "
            + "implementation status, responsible roles, components (the system, its providers, its Attest connections) and the "
            + "shared responsibility as export (provided, responsibilities), inherited and satisfied")
    ResponseEntity<String> ssp(CurrentUser user, @PathVariable String framework, @RequestParam(defaultValue = "json") String format) {
        OscalSchemas.Format wanted = forms.format(format);
        return send(this.ssp.systemSecurityPlan(user, framework), OscalSchemas.Model.SYSTEM_SECURITY_PLAN, wanted, "ssp-" + framework);
    }

    @GetMapping("/component-definition")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "The checks as an OSCAL component definition: which collector and check implement which control")
    ResponseEntity<String> componentDefinition(CurrentUser user, @RequestParam(defaultValue = "json") String format) {
        OscalSchemas.Format wanted = forms.format(format);
        return send(components.componentDefinition(user), OscalSchemas.Model.COMPONENT_DEFINITION, wanted, "component-definition");
    }

    @GetMapping("/assessment-results")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "Assessment results of the monitoring runs between from and to (ISO dates, inclusive; the last 30 days by "
            + "default): observations from check results with their evidence links, findings from failing checks")
    ResponseEntity<String> assessmentResults(CurrentUser user, @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to, @RequestParam(defaultValue = "json") String format) {
        OscalSchemas.Format wanted = forms.format(format);
        OscalForms.Period period = forms.period(from, to);
        return send(results.assessmentResults(user, period.startAt(), period.endAt()), OscalSchemas.Model.ASSESSMENT_RESULTS, wanted,
                "assessment-results-" + period.start() + "-" + period.end());
    }

    @GetMapping("/poam")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "The plan of action and milestones from the open findings, with due dates and owners (404 when none is open)")
    ResponseEntity<String> poam(CurrentUser user, @RequestParam(defaultValue = "json") String format) {
        OscalSchemas.Format wanted = forms.format(format);
        return send(this.poam.planOfActionAndMilestones(user), OscalSchemas.Model.PLAN_OF_ACTION_AND_MILESTONES, wanted, "poam");
    }

    private static ResponseEntity<String> send(ObjectNode document, OscalSchemas.Model model, OscalSchemas.Format format, String name) {
        String body = OscalDocuments.serialise(document, model, format);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "application/oscal." + (model == OscalSchemas.Model.SYSTEM_SECURITY_PLAN ? "ssp"
                        : model == OscalSchemas.Model.PLAN_OF_ACTION_AND_MILESTONES ? "poam" : model.root()) + "+" + format.extension()
                        + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + format.extension() + "\"")
                .body(body);
    }
}
