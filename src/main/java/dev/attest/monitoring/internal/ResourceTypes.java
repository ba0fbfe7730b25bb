package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.ResourceSource;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resource types a workspace may hold: what the collectors, the import formats, the host
 * agent and the record modules produce, plus any type one of the workspace's checks reads.
 */
@Component
@RequiredArgsConstructor
public class ResourceTypes {

    /** Types that arrive from outside rather than from a collector bean. */
    static final Set<String> PUSHED = Set.of("host.linux", "aws.iam.user", "aws.iam.account");

    private final List<Collector> collectors;
    private final List<ResourceSource> sources;
    private final BuiltInChecks builtIns;
    private final CheckStore checks;

    public Set<String> known(WorkspaceId workspace) {
        Set<String> types = new TreeSet<>(PUSHED);
        collectors.forEach(c -> types.addAll(c.description().types()));
        sources.forEach(s -> types.addAll(s.types()));
        types.addAll(builtIns.resourceTypes());
        checks.all(workspace).stream().map(Check::resourceType).forEach(types::add);
        return types;
    }

    /** The types Attest's own record modules offer (people, policies, vendors, ...): what a record check reads. */
    public Set<String> recordTypes() {
        Set<String> types = new TreeSet<>();
        sources.forEach(s -> types.addAll(s.types()));
        return types;
    }
}
