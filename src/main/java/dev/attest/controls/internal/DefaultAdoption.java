package dev.attest.controls.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Framework;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.WorkspaceCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * A new workspace starts with every framework of the catalog adopted, all categories in scope
 * but the opt-in ones (PCI DSS appendices that bind only some entities),
 * so that its dashboard shows the whole picture; the compliance lead drops what does not apply.
 * It runs in the transaction that creates the workspace, so a workspace never exists without it.
 */
@Component
class DefaultAdoption {

    private final Catalog catalog;
    private final WorkspaceControls controls;

    DefaultAdoption(Catalog catalog, WorkspaceControls controls) {
        this.catalog = catalog;
        this.controls = controls;
    }

    @EventListener
    void on(WorkspaceCreated event) {
        // imported OSCAL frameworks are adopted by choice, never by default
        for (Framework framework : catalog.shippedFrameworks()) {
            controls.adopt(event.workspaceId(), framework.id(), Set.copyOf(framework.defaultCategories()), "system");
        }
    }
}
