package dev.attest.controls.internal;

import dev.attest.catalog.FrameworkAdoption;
import dev.attest.controls.AdoptedFramework;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/** Tells the catalog which frameworks a workspace has adopted, through the catalog's SPI. */
@Component
@RequiredArgsConstructor
class CatalogAdoption implements FrameworkAdoption {

    private final WorkspaceControls controls;

    @Override
    public Set<String> adoptedFrameworks(WorkspaceId workspace) {
        Set<String> ids = new LinkedHashSet<>();
        controls.adopted(workspace).stream().map(AdoptedFramework::frameworkId).forEach(ids::add);
        return ids;
    }
}
