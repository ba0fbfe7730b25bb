package dev.attest.catalog;

import dev.attest.identity.WorkspaceId;
import org.springframework.modulith.NamedInterface;

import java.util.Set;

/**
 * The seam through which the module that owns adoption (controls) tells the catalog which frameworks
 * a workspace pursues, so that the catalog's pages can say what to do when it pursues none, without
 * the catalog depending on that module.
 */
@NamedInterface("spi")
public interface FrameworkAdoption {

    /** The ids of the frameworks the workspace has adopted. */
    Set<String> adoptedFrameworks(WorkspaceId workspace);
}
