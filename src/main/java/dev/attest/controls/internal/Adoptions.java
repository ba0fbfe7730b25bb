package dev.attest.controls.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Framework;
import dev.attest.controls.AdoptedFramework;
import dev.attest.controls.FrameworkAdopted;
import dev.attest.controls.FrameworkDropped;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Which frameworks a workspace pursues and which of their categories it keeps in scope. */
@Service
@RequiredArgsConstructor
public class Adoptions {

    private final Catalog catalog;
    private final ControlStateStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The frameworks the workspace pursues, in catalog order. */
    @Transactional(readOnly = true)
    public List<AdoptedFramework> adopted(WorkspaceId workspace) {
        Map<String, AdoptedFramework> adopted = store.adopted(workspace);
        return catalog.frameworks().stream().map(f -> adopted.get(f.id())).filter(Objects::nonNull).toList();
    }

    /**
     * Adopts a framework, or changes its scope. Required categories are always kept; an unknown
     * category is refused.
     */
    @Transactional
    public AdoptedFramework adopt(WorkspaceId workspace, String frameworkId, Set<String> categories, String actor) {
        Framework framework = catalog.requireFramework(frameworkId);
        Set<String> known = new HashSet<>();
        framework.categories().forEach(c -> known.add(c.id()));
        for (String category : categories) {
            if (!known.contains(category)) {
                throw new InvalidFieldException("categories", "'" + category + "' is not a category of " + framework.name());
            }
        }
        Set<String> scope = new HashSet<>(categories);
        scope.addAll(framework.requiredCategories());
        AdoptedFramework adopted = new AdoptedFramework(frameworkId, scope);
        store.saveAdoption(workspace, adopted, clock.instant());
        events.publishEvent(new FrameworkAdopted(workspace, frameworkId, adopted.categories(), actor));
        return adopted;
    }

    /** Stops pursuing a framework; the control states stay, shared with other frameworks. */
    @Transactional
    public void drop(WorkspaceId workspace, String frameworkId, String actor) {
        catalog.requireFramework(frameworkId);
        if (store.deleteAdoption(workspace, frameworkId)) {
            events.publishEvent(new FrameworkDropped(workspace, frameworkId, actor));
        }
    }

    /** The categories in scope: the adopted ones, or the default ones for a framework not adopted. */
    @Transactional(readOnly = true)
    public Set<String> scopeOf(WorkspaceId workspace, Framework framework) {
        AdoptedFramework adopted = store.adopted(workspace).get(framework.id());
        if (adopted != null) {
            return adopted.categories();
        }
        return new HashSet<>(framework.defaultCategories());
    }
}
