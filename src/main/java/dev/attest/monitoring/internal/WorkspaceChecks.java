package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace's checks as the use cases read them: the built-in ones and its own. No transaction
 * of its own: it reads in the caller's, or without one where the caller has none.
 */
@Component
@RequiredArgsConstructor
class WorkspaceChecks {

    private final BuiltInChecks builtIns;
    private final CheckStore checkStore;

    /** Built-in checks and the workspace's own, by key. */
    List<Check> all(WorkspaceId workspace) {
        List<Check> all = new ArrayList<>(builtIns.all());
        all.addAll(checkStore.all(workspace));
        all.sort(Comparator.comparing(Check::key));
        return all;
    }

    Check get(WorkspaceId workspace, String key) {
        return builtIns.get(key).or(() -> checkStore.find(workspace, key))
                .orElseThrow(() -> new NotFoundException("No check " + key));
    }

    /** The checks of one resource type, by key. */
    Map<String, Check> ofType(WorkspaceId workspace, String type) {
        return keyed(all(workspace).stream().filter(c -> c.resourceType().equals(type)).toList());
    }

    static Map<String, Check> keyed(List<Check> checks) {
        Map<String, Check> byKey = new LinkedHashMap<>();
        checks.forEach(c -> byKey.put(c.key(), c));
        return byKey;
    }
}
