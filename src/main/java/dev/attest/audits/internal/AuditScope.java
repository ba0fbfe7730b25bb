package dev.attest.audits.internal;

import dev.attest.audits.Audit;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an audit's scope covers. A scope entry is a category of the framework (SOC 2's
 * availability, say) or a requirement ref, which takes in everything under it ("A.5" is all of
 * A.5.x); an entry may cite a requirement another way (HIPAA's {@code 164.308(a)(1)(i)} is the
 * standard {@code 164.308(a)(1)}). An empty scope is the whole framework except its opt-in categories
 * (PCI DSS's appendices A1-A3 apply only to who chooses them).
 */
@Component
@RequiredArgsConstructor
class AuditScope {

    private final Catalog catalog;

    Framework framework(Audit audit) {
        return catalog.requireFramework(audit.framework());
    }

    /**
     * Refuses a scope entry that names nothing of the framework (400 naming {@code scope}); a requirement cited
     * another way is kept under its ref.
     */
    List<String> validated(String frameworkId, List<String> scope) {
        Framework framework = catalog.requireFramework(frameworkId);
        List<String> clean = scope == null ? List.of() : scope.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        for (String entry : clean) {
            boolean category = framework.categories().stream().anyMatch(c -> c.id().equals(entry));
            if (!category && framework.requirement(entry).isEmpty()) {
                throw new InvalidFieldException("scope", "'" + entry + "' is not a category or requirement of " + framework.name());
            }
        }
        return clean.stream().map(entry -> canonical(framework, entry)).distinct().toList();
    }

    /** A category stays as it is; a requirement is named by its ref, however it was cited. */
    private static String canonical(Framework framework, String entry) {
        if (framework.categories().stream().anyMatch(c -> c.id().equals(entry))) {
            return entry;
        }
        return framework.requirement(entry).map(Requirement::ref).orElse(entry);
    }

    /** The assessed requirements the audit covers, in the framework's order. */
    List<Requirement> requirements(Audit audit) {
        Framework framework = framework(audit);
        if (audit.scope().isEmpty()) {
            Set<String> optIn = new java.util.HashSet<>();
            framework.categories().stream().filter(dev.attest.catalog.Category::optIn).forEach(c -> optIn.add(c.id()));
            return framework.assessedRequirements().filter(r -> r.category() == null || !optIn.contains(r.category())).toList();
        }
        Map<String, String> parents = new HashMap<>();
        framework.requirements().forEach(r -> parents.put(r.ref(), r.parent()));
        // audits saved before entries were kept by their ref may still hold another citation
        Set<String> scope = audit.scope().stream().map(entry -> canonical(framework, entry)).collect(java.util.stream.Collectors.toSet());
        return framework.assessedRequirements().filter(r -> (r.category() != null && scope.contains(r.category())) || within(r.ref(), scope, parents))
                .toList();
    }

    private static boolean within(String ref, Set<String> scope, Map<String, String> parents) {
        for (String at = ref; at != null; at = parents.get(at)) {
            if (scope.contains(at)) {
                return true;
            }
        }
        return false;
    }

    /** The library controls mapped to the requirements in scope, by key. */
    Set<String> controls(Audit audit) {
        Set<String> keys = new TreeSet<>();
        for (Requirement r : requirements(audit)) {
            r.controls().stream().map(ControlKey::value).forEach(keys::add);
        }
        return keys;
    }
}
