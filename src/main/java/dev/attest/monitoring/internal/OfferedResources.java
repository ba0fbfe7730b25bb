package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The resources monitoring reads: those it stores (pushed or collected) and those record modules offer. */
@Component
@RequiredArgsConstructor
class OfferedResources {

    private final ResourceStore resources;
    private final List<ResourceSource> sources;

    /** Whether a record module offers resources of this type. */
    boolean offered(String type) {
        return sources.stream().anyMatch(s -> s.types().contains(type));
    }

    /** Record modules' resources of one type. */
    List<Resource> of(WorkspaceId workspace, String type) {
        List<Resource> offered = new ArrayList<>();
        for (ResourceSource source : sources) {
            if (source.types().contains(type)) {
                source.resources(workspace).stream().filter(r -> type.equals(r.type())).forEach(offered::add);
            }
        }
        return offered;
    }

    /** Runs the checks over every resource of these types, stored or offered by a module; gives how many. */
    int forEach(WorkspaceId workspace, Set<String> wanted, Evaluator.TypeRun run) {
        int[] count = {0};
        resources.forEachDocument(workspace, wanted, (type, id, json) -> {
            count[0]++;
            run.accept(type, id, json);
        });
        for (ResourceSource source : sources) {
            if (source.types().stream().anyMatch(wanted::contains)) {
                for (Resource r : source.resources(workspace)) {
                    if (wanted.contains(r.type())) {
                        count[0]++;
                        run.accept(r);
                    }
                }
            }
        }
        return count[0];
    }
}
