package dev.attest.controls.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Framework;
import dev.attest.identity.WorkspaceCreated;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * A new workspace starts with no framework adopted: its admin chooses them, and their scope, in the
 * setup checklist's "frameworks and scope" step. With {@code attest.workspace.adopt-all-frameworks}
 * set, it starts instead with every shipped framework adopted, all categories in scope but the
 * opt-in ones (PCI DSS appendices that bind only some entities). It runs in the transaction that
 * creates the workspace.
 */
@Component
class DefaultAdoption {

    private final Catalog catalog;
    private final Adoptions controls;
    private final boolean adoptAll;

    DefaultAdoption(Catalog catalog, Adoptions controls,
                    @Value("${attest.workspace.adopt-all-frameworks:false}") boolean adoptAll) {
        this.catalog = catalog;
        this.controls = controls;
        this.adoptAll = adoptAll;
    }

    @EventListener
    void on(WorkspaceCreated event) {
        if (!adoptAll) {
            return;
        }
        // imported OSCAL frameworks are adopted by choice, never by default
        for (Framework framework : catalog.shippedFrameworks()) {
            controls.adopt(event.workspaceId(), framework.id(), Set.copyOf(framework.defaultCategories()), "system");
        }
    }
}
