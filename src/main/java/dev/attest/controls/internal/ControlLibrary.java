package dev.attest.controls.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.RequirementRef;
import dev.attest.controls.ControlFilter;
import dev.attest.controls.ControlState;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The library's controls as one workspace runs them: one, all, or those a filter keeps. */
@Service
@RequiredArgsConstructor
public class ControlLibrary {

    private final Catalog catalog;
    private final ControlStateStore store;

    /** Every control of the library as the workspace runs it, narrowed by the filter. */
    @Transactional(readOnly = true)
    public List<ControlState> list(WorkspaceId workspace, ControlFilter filter) {
        Map<ControlKey, ControlState> states = store.states(workspace, catalog);
        Set<ControlKey> inFramework = filter.framework() == null ? null : controlsOf(catalog.requireFramework(filter.framework()));
        List<ControlState> result = new ArrayList<>();
        for (Control control : catalog.controls()) {
            ControlState state = states.getOrDefault(control.key(), ControlState.untouched(control));
            if (filter.domain() != null && !filter.domain().equals(control.domain())) continue;
            if (inFramework != null && !inFramework.contains(control.key())) continue;
            if (filter.status() != null && filter.status() != state.status()) continue;
            if (filter.owner() != null && !ownerMatches(filter.owner(), state.owner())) continue;
            if (!filter.matchesText(state)) continue;
            result.add(state);
        }
        return result;
    }

    private static boolean ownerMatches(String wanted, String owner) {
        return "none".equals(wanted) ? owner == null : wanted.equalsIgnoreCase(String.valueOf(owner));
    }

    private static Set<ControlKey> controlsOf(Framework framework) {
        Set<ControlKey> keys = new HashSet<>();
        framework.requirements().forEach(r -> keys.addAll(r.controls()));
        return keys;
    }

    /** One control as the workspace runs it; an unknown key is a 404. */
    @Transactional(readOnly = true)
    public ControlState get(WorkspaceId workspace, String key) {
        Control control = catalog.requireControl(key);
        return store.state(workspace, control).orElseGet(() -> ControlState.untouched(control));
    }

    /** Every control's state keyed by control, for pages that show many requirements at once. */
    @Transactional(readOnly = true)
    public Map<ControlKey, ControlState> states(WorkspaceId workspace) {
        Map<ControlKey, ControlState> states = new LinkedHashMap<>(store.states(workspace, catalog));
        for (Control control : catalog.controls()) {
            states.putIfAbsent(control.key(), ControlState.untouched(control));
        }
        return states;
    }

    /** The requirements, across all frameworks, that a control helps satisfy. */
    public List<RequirementRef> requirementsOf(Control control) {
        return catalog.requirementsOf(control.key());
    }
}
