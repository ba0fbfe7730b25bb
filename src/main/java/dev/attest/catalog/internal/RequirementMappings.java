package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import dev.attest.catalog.RequirementMapped;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Edits the mapping of an imported framework's requirements to the control library, and lists what
 * is still unmapped. The shipped frameworks' mappings live in the catalog files and are not edited
 * here. A change reaches every node's catalog through {@link ImportedFrameworks}.
 */
@Service
class RequirementMappings {

    private final Catalog catalog;
    private final ImportedFrameworkStore store;
    private final ImportedFrameworks frameworks;
    private final ApplicationEventPublisher events;
    private final Validator validator;

    RequirementMappings(Catalog catalog, ImportedFrameworkStore store, ImportedFrameworks frameworks, ApplicationEventPublisher events,
                        Validator validator) {
        this.catalog = catalog;
        this.store = store;
        this.frameworks = frameworks;
        this.events = events;
        this.validator = validator;
    }

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
    Requirement map(WorkspaceId workspace, String frameworkId, String ref, MapRequirement command, String actor) {
        Framework framework = editable(frameworkId);
        Requirement requirement = framework.requirement(ref).filter(r -> r.ref().equals(ref))
                .orElseThrow(() -> new RequirementNotFoundException(framework, ref));
        if (requirement.group()) {
            throw new InvalidFieldException("ref", ref + " is a heading of the framework; map the requirements under it");
        }
        Map<String, String> errors = new TreeMap<>();
        if (command == null) {
            throw new InvalidFieldException("body", "is required");
        }
        for (ConstraintViolation<MapRequirement> violation : validator.validate(command)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        List<ControlKey> keys = errors.isEmpty() ? command.keys(catalog, errors) : List.of();
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        String reason = keys.isEmpty() ? command.reason() : null;
        store.updateMapping(frameworkId, ref, keys, reason);
        Requirement mapped = new Requirement(requirement.framework(), requirement.ref(), requirement.title(), requirement.summary(),
                requirement.parent(), false, requirement.category(), requirement.specification(), requirement.serviceProviderOnly(), keys,
                reason, requirement.citation());
        List<Requirement> requirements = new ArrayList<>(framework.requirements());
        requirements.replaceAll(r -> r.ref().equals(ref) && !r.group() ? mapped : r);
        frameworks.changed(new Framework(framework.id(), framework.name(), framework.version(), framework.edition(),
                framework.description(), framework.categories(), requirements));
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
