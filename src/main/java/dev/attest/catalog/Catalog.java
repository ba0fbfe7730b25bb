package dev.attest.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The loaded catalog: every framework, the control library, and the mapping between them in both
 * directions; shared by all workspaces. The shipped part is fixed once built; frameworks imported
 * from OSCAL documents are added at run time ({@link #addImported}), each replacing the whole
 * index at once so that a reader never sees half of one.
 */
public final class Catalog {

    private final String version;
    private final List<Framework> shipped;
    private final Map<String, Domain> domains;
    private final Map<ControlKey, Control> controls;
    private volatile Index index;

    /** Frameworks and the inverse mapping, swapped as one when a framework is imported. */
    private record Index(Map<String, Framework> frameworks, Map<ControlKey, List<RequirementRef>> requirementsByControl,
                         java.util.Set<String> imported) {
    }

    public Catalog(String version, List<Framework> frameworks, List<Domain> domains, List<Control> controls) {
        this.version = version;
        this.shipped = List.copyOf(frameworks);
        this.domains = indexBy(domains, Domain::id);
        this.controls = Collections.unmodifiableMap(new TreeMap<>(indexBy(controls, Control::key)));
        this.index = index(frameworks, java.util.Set.of());
    }

    private static Index index(List<Framework> frameworks, java.util.Set<String> imported) {
        Map<ControlKey, List<RequirementRef>> inverse = new TreeMap<>();
        for (Framework framework : frameworks) {
            for (Requirement requirement : framework.requirements()) {
                for (ControlKey key : requirement.controls()) {
                    inverse.computeIfAbsent(key, k -> new ArrayList<>()).add(requirement.toRef());
                }
            }
        }
        inverse.replaceAll((k, v) -> List.copyOf(v));
        return new Index(indexBy(frameworks, Framework::id), Collections.unmodifiableMap(inverse), java.util.Set.copyOf(imported));
    }

    /**
     * Adds (or replaces) frameworks imported from OSCAL documents. A shipped framework's id cannot be
     * taken: the caller checks, and this refuses.
     */
    public synchronized void addImported(List<Framework> imported) {
        Map<String, Framework> all = new LinkedHashMap<>(index.frameworks());
        java.util.Set<String> importedIds = new java.util.HashSet<>(index.imported());
        for (Framework framework : imported) {
            if (shipped.stream().anyMatch(f -> f.id().equals(framework.id()))) {
                throw new IllegalArgumentException("framework " + framework.id() + " is shipped with the catalog");
            }
            all.put(framework.id(), framework);
            importedIds.add(framework.id());
        }
        this.index = index(new ArrayList<>(all.values()), importedIds);
    }

    /** Whether the framework came from an OSCAL import rather than the shipped catalog files. */
    public boolean isImported(String frameworkId) {
        return index.imported().contains(frameworkId);
    }

    /** The frameworks shipped with the catalog files, in catalog order (imported ones left out). */
    public List<Framework> shippedFrameworks() {
        return shipped;
    }

    private static <K, V> Map<K, V> indexBy(List<V> values, java.util.function.Function<V, K> key) {
        Map<K, V> map = new LinkedHashMap<>();
        values.forEach(v -> map.put(key.apply(v), v));
        return Collections.unmodifiableMap(map);
    }

    /** The catalog's own version, from {@code catalog/catalog.yaml}. */
    public String version() {
        return version;
    }

    /** All frameworks in catalog order. */
    public List<Framework> frameworks() {
        return List.copyOf(index.frameworks().values());
    }

    public Optional<Framework> framework(String id) {
        return Optional.ofNullable(index.frameworks().get(id));
    }

    /** The framework, or {@link FrameworkNotFoundException}. */
    public Framework requireFramework(String id) {
        return framework(id).orElseThrow(() -> new FrameworkNotFoundException(id));
    }

    /** All domains in catalog order. */
    public List<Domain> domains() {
        return List.copyOf(domains.values());
    }

    public Optional<Domain> domain(String id) {
        return Optional.ofNullable(domains.get(id));
    }

    /** All controls, ordered by key. */
    public List<Control> controls() {
        return List.copyOf(controls.values());
    }

    public Optional<Control> control(String key) {
        if (!ControlKey.isWellFormed(key)) {
            return Optional.empty();
        }
        return Optional.ofNullable(controls.get(new ControlKey(key)));
    }

    /** The control, or {@link ControlNotFoundException}. */
    public Control requireControl(String key) {
        return control(key).orElseThrow(() -> new ControlNotFoundException(key));
    }

    /** The requirements, across all frameworks, that a control helps satisfy. */
    public List<RequirementRef> requirementsOf(ControlKey key) {
        return index.requirementsByControl().getOrDefault(key, List.of());
    }

    /** The controls whose key or name contains the term, in key order, at most {@code limit}. */
    public List<Control> searchControls(dev.attest.web.SearchTerm term, int limit) {
        return controls.values().stream().filter(c -> term.matches(c.key().value()) || term.matches(c.name()))
                .limit(limit).toList();
    }

    /** The assessed requirements whose ref, citation or title contains the term, framework by framework, at most {@code limit}. */
    public List<Requirement> searchRequirements(dev.attest.web.SearchTerm term, int limit) {
        return frameworks().stream().flatMap(f -> f.requirements().stream())
                .filter(r -> r.assessed() && (term.matches(r.ref()) || term.matches(r.citation()) || term.matches(r.title())))
                .limit(limit).toList();
    }

    /** Total number of control-requirement mappings. */
    public int mappingCount() {
        return index.requirementsByControl().values().stream().mapToInt(List::size).sum();
    }
}
