package dev.attest.controls;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.RequirementRef;
import dev.attest.controls.internal.ControlStateStore;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.web.InvalidFieldException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A workspace's control program: which frameworks it pursues, how each control stands, and how
 * ready it is for each framework. Every change publishes an event.
 */
@Service
public class WorkspaceControls {

    static final int MAX_JUSTIFICATION = 4000;
    static final int MAX_NOTES = 8000;

    private final Catalog catalog;
    private final ControlStateStore store;
    private final WorkspaceMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    // Looked up lazily: the modules that test controls depend on this service in turn.
    private final ObjectProvider<ControlSignals> signalSources;
    private final ObjectProvider<ControlProof> proofSources;

    WorkspaceControls(Catalog catalog, ControlStateStore store, WorkspaceMembers members,
                      ApplicationEventPublisher events, Clock clock, ObjectProvider<ControlSignals> signalSources,
                      ObjectProvider<ControlProof> proofSources) {
        this.catalog = catalog;
        this.store = store;
        this.members = members;
        this.events = events;
        this.clock = clock;
        this.signalSources = signalSources;
        this.proofSources = proofSources;
    }

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

    /** The requirements, across all frameworks, that a control helps satisfy. */
    public List<RequirementRef> requirementsOf(Control control) {
        return catalog.requirementsOf(control.key());
    }

    /** Sets a control's state; refuses a missing justification or an owner who is not a member. */
    @Transactional
    public ControlState update(WorkspaceId workspace, String key, ControlChange change, CurrentUser actor) {
        ControlState before = get(workspace, key);
        Map<String, String> errors = new LinkedHashMap<>();
        if (change.status() == null) {
            errors.put("status", "must be one of " + ImplementationStatus.allowed());
        }
        String owner = blankToNull(change.owner());
        if (owner != null && members.memberByEmail(workspace, owner).isEmpty()) {
            errors.put("owner", "no member of this workspace has the email " + owner);
        }
        String justification = blankToNull(change.justification());
        if (change.status() == ImplementationStatus.NOT_APPLICABLE && justification == null) {
            errors.put("justification", "say why the control does not apply (required for not_applicable)");
        }
        if (justification != null && justification.length() > MAX_JUSTIFICATION) {
            errors.put("justification", "at most " + MAX_JUSTIFICATION + " characters");
        }
        String notes = blankToNull(change.notes());
        if (notes != null && notes.length() > MAX_NOTES) {
            errors.put("notes", "at most " + MAX_NOTES + " characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        String ownerEmail = owner == null ? null : members.memberByEmail(workspace, owner).orElseThrow().email();
        Instant now = clock.instant();
        ControlState after = new ControlState(before.control(), change.status(), ownerEmail, justification, notes, now, actor.actor());
        if (Objects.equals(before.status(), after.status()) && Objects.equals(before.owner(), after.owner())
                && Objects.equals(before.justification(), after.justification()) && Objects.equals(before.notes(), after.notes())) {
            return before;
        }
        store.save(workspace, after);
        events.publishEvent(new ControlUpdated(workspace, key, before.status(), after.status(), before.owner(), ownerEmail, actor.actor(), now));
        return after;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The frameworks the workspace pursues, in catalog order. */
    @Transactional(readOnly = true)
    public List<AdoptedFramework> adopted(WorkspaceId workspace) {
        Map<String, AdoptedFramework> adopted = store.adopted(workspace);
        return catalog.frameworks().stream().map(f -> adopted.get(f.id())).filter(Objects::nonNull).toList();
    }

    /**
     * Adopts a framework, or changes its scope. Required categories are always kept; an unknown
     * category is refused.
     */
    @Transactional
    public AdoptedFramework adopt(WorkspaceId workspace, String frameworkId, Set<String> categories, String actor) {
        Framework framework = catalog.requireFramework(frameworkId);
        Set<String> known = new HashSet<>();
        framework.categories().forEach(c -> known.add(c.id()));
        for (String category : categories) {
            if (!known.contains(category)) {
                throw new InvalidFieldException("categories", "'" + category + "' is not a category of " + framework.name());
            }
        }
        Set<String> scope = new HashSet<>(categories);
        scope.addAll(framework.requiredCategories());
        AdoptedFramework adopted = new AdoptedFramework(frameworkId, scope);
        store.saveAdoption(workspace, adopted, clock.instant());
        events.publishEvent(new FrameworkAdopted(workspace, frameworkId, adopted.categories(), actor));
        return adopted;
    }

    @Transactional
    public void drop(WorkspaceId workspace, String frameworkId, String actor) {
        catalog.requireFramework(frameworkId);
        if (store.deleteAdoption(workspace, frameworkId)) {
            events.publishEvent(new FrameworkDropped(workspace, frameworkId, actor));
        }
    }

    /**
     * States, statuses and readiness from one read of the states and one of the signals, so that
     * the dashboard does not ask every signal source three times.
     */
    @Transactional(readOnly = true)
    public ControlsOverview overview(WorkspaceId workspace) {
        Map<ControlKey, ControlState> states = states(workspace);
        Map<ControlKey, ControlSignal> signals = signals(workspace);
        Map<ControlKey, ControlStatus> statuses = statusesOf(states, signals);
        java.util.function.Predicate<ControlKey> satisfied = satisfiedBy(states, statuses);
        List<FrameworkReadiness> readiness = new ArrayList<>();
        for (AdoptedFramework adopted : adopted(workspace)) {
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
        Set<String> scope = scopeOf(workspace, framework);
        return Readiness.of(framework, scope, satisfied(workspace));
    }

    /** The categories in scope: the adopted ones, or the default ones for a framework not adopted. */
    @Transactional(readOnly = true)
    public Set<String> scopeOf(WorkspaceId workspace, Framework framework) {
        AdoptedFramework adopted = store.adopted(workspace).get(framework.id());
        if (adopted != null) {
            return adopted.categories();
        }
        return new HashSet<>(framework.defaultCategories());
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

    /**
     * Whether a control counts towards readiness: implemented or justified not applicable, and no
     * check of it failing now.
     */
    @Transactional(readOnly = true)
    public java.util.function.Predicate<ControlKey> satisfied(WorkspaceId workspace) {
        Map<ControlKey, ControlState> states = states(workspace);
        return satisfiedBy(states, statusesOf(states, signals(workspace)));
    }

    private static java.util.function.Predicate<ControlKey> satisfiedBy(Map<ControlKey, ControlState> states,
                                                                      Map<ControlKey, ControlStatus> statuses) {
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
        Map<ControlKey, ControlSignal> merged = new java.util.HashMap<>();
        signalSources.orderedStream().forEach(source ->
                source.signals(workspace).forEach((key, signal) -> merged.merge(key, signal, ControlSignal::plus)));
        return merged;
    }

    /** Every control's status (passing, failing, needs evidence, not applicable). */
    @Transactional(readOnly = true)
    public Map<ControlKey, ControlStatus> statuses(WorkspaceId workspace) {
        return statusesOf(states(workspace), signals(workspace));
    }

    /** One control's status; an unknown key is a 404. */
    @Transactional(readOnly = true)
    public ControlStatus status(WorkspaceId workspace, String key) {
        ControlState state = get(workspace, key);
        return ControlStatus.of(state.status(), signals(workspace).getOrDefault(state.control().key(), ControlSignal.NONE));
    }

    /** The control's monitors as the modules that test it report them, strongest first. */
    @Transactional(readOnly = true)
    public List<ControlProof.Monitor> monitors(WorkspaceId workspace, String key) {
        ControlKey control = catalog.requireControl(key).key();
        List<ControlProof.Monitor> all = new java.util.ArrayList<>();
        proofSources.orderedStream().forEach(source -> all.addAll(source.monitors(workspace, control)));
        return all;
    }

    /** Evidence linked to the control, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ControlProof.Evidence> evidence(WorkspaceId workspace, String key, int limit) {
        ControlKey control = catalog.requireControl(key).key();
        List<ControlProof.Evidence> all = new java.util.ArrayList<>();
        proofSources.orderedStream().forEach(source -> all.addAll(source.evidence(workspace, control, limit)));
        all.sort(java.util.Comparator.comparing(ControlProof.Evidence::collectedAt).reversed());
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    /** The longest history page, and the deepest page: each source is asked for everything up to the page asked for. */
    public static final int MAX_HISTORY_PAGE_SIZE = 100;
    public static final int MAX_HISTORY_PAGE = 100;

    /**
     * One page of the control's history from every module that records it, newest first; {@code more}
     * says whether an older page exists.
     */
    @Transactional(readOnly = true)
    public ControlHistory history(WorkspaceId workspace, String key, int page, int size) {
        ControlKey control = catalog.requireControl(key).key();
        if (page < 0 || page > MAX_HISTORY_PAGE) {
            throw new InvalidFieldException("page", "a page from 0 to " + MAX_HISTORY_PAGE);
        }
        if (size < 1 || size > MAX_HISTORY_PAGE_SIZE) {
            throw new InvalidFieldException("size", "from 1 to " + MAX_HISTORY_PAGE_SIZE + " entries a page");
        }
        int wanted = (page + 1) * size + 1;
        List<ControlProof.HistoryEntry> all = new java.util.ArrayList<>();
        proofSources.orderedStream().forEach(source -> all.addAll(source.history(workspace, control, wanted)));
        all.sort(java.util.Comparator.comparing(ControlProof.HistoryEntry::at).reversed());
        int from = Math.min(all.size(), page * size);
        int to = Math.min(all.size(), from + size);
        return new ControlHistory(control.value(), page, size, List.copyOf(all.subList(from, to)), all.size() > to);
    }

    /** The control's one visible status: tested status reconciled with its implementation status, with the reason. */
    @Transactional(readOnly = true)
    public ControlVerdict verdict(WorkspaceId workspace, String key) {
        ControlState state = get(workspace, key);
        ControlSignal signal = signals(workspace).getOrDefault(state.control().key(), ControlSignal.NONE);
        return ControlVerdict.of(state.status(), ControlStatus.of(state.status(), signal), signal, monitors(workspace, key));
    }
}
