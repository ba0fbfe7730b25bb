package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import dev.attest.catalog.RequirementMapped;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import dev.attest.catalog.MapRequirement;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits the mapping of an imported framework's requirements to the control library, and lists what
 * is still unmapped. The shipped frameworks' mappings live in the catalog files and are not edited
 * here. A change reaches every node's catalog through {@link ImportedFrameworks}.
 */
@Service
@Validated
@RequiredArgsConstructor
class RequirementMappings {

    private final Catalog catalog;
    private final ImportedFrameworkStore store;
    private final ImportedFrameworks frameworks;
    private final ApplicationEventPublisher events;

    /** The imported framework, or a 404 for an unknown id and a field error for a shipped one. */
    Framework editable(String frameworkId) {
        Framework framework = catalog.requireFramework(frameworkId);
        if (!catalog.isImported(frameworkId)) {
            throw new InvalidFieldException("framework", "'" + frameworkId + "' ships with Attest: its mapping is kept in the catalog files; "
                    + "only imported frameworks are mapped here");
        }
        return framework;
    }

    /** The assessed requirements with neither a control nor a reason. */
    List<Requirement> unmapped(String frameworkId) {
        return catalog.requireFramework(frameworkId).assessedRequirements()
                .filter(r -> r.controls().isEmpty() && r.noControlReason() == null).toList();
    }

    @Transactional
    Requirement map(WorkspaceId workspace, String frameworkId, String ref, @Valid MapRequirement command, String actor) {
        Framework framework = editable(frameworkId);
        Requirement requirement = framework.requirement(ref).filter(r -> r.ref().equals(ref))
                .orElseThrow(() -> new RequirementNotFoundException(framework, ref));
        if (requirement.group()) {
            throw new InvalidFieldException("ref", ref + " is a heading of the framework; map the requirements under it");
        }
        Map<String, String> problems = command.problems(catalog);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        List<ControlKey> keys = command.keys();
        String reason = keys.isEmpty() ? command.reason() : null;
        store.updateMapping(frameworkId, ref, keys, reason);
        Requirement mapped = requirement.withMapping(keys, reason);
        frameworks.changed(framework.withRequirement(mapped));
        events.publishEvent(new RequirementMapped(workspace, frameworkId, ref, keys.stream().map(ControlKey::value).toList(), reason, actor));
        return mapped;
    }

    /** How many assessed requirements are mapped, marked with a reason, and unmapped. */
    static Map<String, Long> counts(Framework framework) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("mapped", framework.assessedRequirements().filter(r -> !r.controls().isEmpty()).count());
        counts.put("reasoned", framework.assessedRequirements().filter(r -> r.controls().isEmpty() && r.noControlReason() != null).count());
        counts.put("unmapped", framework.assessedRequirements().filter(r -> r.controls().isEmpty() && r.noControlReason() == null).count());
        return counts;
    }
}
