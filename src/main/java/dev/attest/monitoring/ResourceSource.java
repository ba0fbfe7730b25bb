package dev.attest.monitoring;

import org.springframework.modulith.NamedInterface;
import dev.attest.identity.WorkspaceId;

import java.util.List;
import java.util.Set;

/**
 * The seam through which a record module (people, policies, vendors, risks, incidents, privacy,
 * obligations) offers its records to monitoring as resources. Monitoring asks every source bean
 * for the current resources of a workspace whenever it runs the checks over those types.
 */
@NamedInterface("spi")
public interface ResourceSource {

    /** The resource types this source supplies, e.g. {@code people.person}. */
    Set<String> types();

    /** The workspace's current resources of those types. */
    List<Resource> resources(WorkspaceId workspace);
}
