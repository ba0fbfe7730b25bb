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
 * directions. Immutable once built; shared by all workspaces.
 */
public final class Catalog {

    private final String version;
    private final Map<String, Framework> frameworks;
    private final Map<String, Domain> domains;
    private final Map<ControlKey, Control> controls;
    private final Map<ControlKey, List<RequirementRef>> requirementsByControl;

    public Catalog(String version, List<Framework> frameworks, List<Domain> domains, List<Control> controls) {
        this.version = version;
        this.frameworks = indexBy(frameworks, Framework::id);
        this.domains = indexBy(domains, Domain::id);
        this.controls = Collections.unmodifiableMap(new TreeMap<>(indexBy(controls, Control::key)));
        Map<ControlKey, List<RequirementRef>> inverse = new TreeMap<>();
        for (Framework framework : frameworks) {
            for (Requirement requirement : framework.requirements()) {
                for (ControlKey key : requirement.controls()) {
                    inverse.computeIfAbsent(key, k -> new ArrayList<>()).add(requirement.toRef());
                }
            }
        }
        inverse.replaceAll((k, v) -> List.copyOf(v));
        this.requirementsByControl = Collections.unmodifiableMap(inverse);
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
        return List.copyOf(frameworks.values());
    }

    public Optional<Framework> framework(String id) {
        return Optional.ofNullable(frameworks.get(id));
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
        return requirementsByControl.getOrDefault(key, List.of());
    }

    /** Total number of control-requirement mappings. */
    public int mappingCount() {
        return requirementsByControl.values().stream().mapToInt(List::size).sum();
    }
}
