package dev.attest.controls.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.controls.AdoptedFramework;
import dev.attest.controls.ControlSignal;
import dev.attest.controls.ControlSignals;
import dev.attest.controls.ControlState;
import dev.attest.controls.ControlStatus;
import dev.attest.controls.ControlVerdict;
import dev.attest.controls.ControlsOverview;
import dev.attest.controls.FrameworkReadiness;
import dev.attest.controls.Readiness;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How each control stands (its implementation status reconciled with what the modules that test it
 * signal) and how ready the workspace is for each framework.
 */
@Service
@RequiredArgsConstructor
public class ControlReadiness {

    private final Catalog catalog;
    private final ControlLibrary library;
    private final Adoptions adoptions;
    private final ControlProofs proofs;
    // Looked up lazily: the modules that test controls depend on the controls module in turn.
    private final ObjectProvider<ControlSignals> signalSources;

    /**
     * States, statuses and readiness from one read of the states and one of the signals, so that
     * the dashboard does not ask every signal source three times.
     */
    @Transactional(readOnly = true)
    public ControlsOverview overview(WorkspaceId workspace) {
        Map<ControlKey, ControlState> states = library.states(workspace);
        Map<ControlKey, ControlStatus> statuses = statusesOf(states, signals(workspace));
        Predicate<ControlKey> satisfied = satisfiedBy(states, statuses);
        List<FrameworkReadiness> readiness = new ArrayList<>();
        for (AdoptedFramework adopted : adoptions.adopted(workspace)) {
            readiness.add(Readiness.of(catalog.requireFramework(adopted.frameworkId()), adopted.categories(), satisfied));
        }
        return new ControlsOverview(states, statuses, readiness);
    }

    /** Readiness for each adopted framework, in catalog order. */
    @Transactional(readOnly = true)
    public List<FrameworkReadiness> readiness(WorkspaceId workspace) {
        return overview(workspace).readiness();
    }

    /** Readiness for one framework under the workspace's scope (the default categories when not adopted). */
    @Transactional(readOnly = true)
    public FrameworkReadiness readiness(WorkspaceId workspace, String frameworkId) {
        Framework framework = catalog.requireFramework(frameworkId);
        return Readiness.of(framework, adoptions.scopeOf(workspace, framework), satisfied(workspace));
    }

    /**
     * Whether a control counts towards readiness: implemented or justified not applicable, and no
     * check of it failing now.
     */
    @Transactional(readOnly = true)
    public Predicate<ControlKey> satisfied(WorkspaceId workspace) {
        Map<ControlKey, ControlState> states = library.states(workspace);
        return satisfiedBy(states, statusesOf(states, signals(workspace)));
    }

    private static Predicate<ControlKey> satisfiedBy(Map<ControlKey, ControlState> states, Map<ControlKey, ControlStatus> statuses) {
        return key -> {
            ControlState state = states.get(key);
            return state != null && state.status().settled() && statuses.get(key) != ControlStatus.FAILING;
        };
    }

    private static Map<ControlKey, ControlStatus> statusesOf(Map<ControlKey, ControlState> states, Map<ControlKey, ControlSignal> signals) {
        Map<ControlKey, ControlStatus> statuses = new LinkedHashMap<>();
        states.forEach((key, state) -> statuses.put(key, ControlStatus.of(state.status(), signals.getOrDefault(key, ControlSignal.NONE))));
        return statuses;
    }

    /** Every source's signals about the workspace's controls, added up per control. */
    public Map<ControlKey, ControlSignal> signals(WorkspaceId workspace) {
        Map<ControlKey, ControlSignal> merged = new HashMap<>();
        signalSources.orderedStream().forEach(source ->
                source.signals(workspace).forEach((key, signal) -> merged.merge(key, signal, ControlSignal::plus)));
        return merged;
    }

    /** Every control's status (passing, failing, needs evidence, not applicable). */
    @Transactional(readOnly = true)
    public Map<ControlKey, ControlStatus> statuses(WorkspaceId workspace) {
        return statusesOf(library.states(workspace), signals(workspace));
    }

    /** One control's status; an unknown key is a 404. */
    @Transactional(readOnly = true)
    public ControlStatus status(WorkspaceId workspace, String key) {
        ControlState state = library.get(workspace, key);
        return ControlStatus.of(state.status(), signals(workspace).getOrDefault(state.control().key(), ControlSignal.NONE));
    }

    /** The control's one visible status: tested status reconciled with its implementation status, with the reason. */
    @Transactional(readOnly = true)
    public ControlVerdict verdict(WorkspaceId workspace, String key) {
        ControlState state = library.get(workspace, key);
        ControlSignal signal = signals(workspace).getOrDefault(state.control().key(), ControlSignal.NONE);
        return ControlVerdict.of(state.status(), ControlStatus.of(state.status(), signal), signal, proofs.monitors(workspace, key));
    }
}
