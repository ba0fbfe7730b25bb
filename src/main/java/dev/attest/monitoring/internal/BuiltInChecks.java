package dev.attest.monitoring.internal;

import dev.attest.monitoring.Check;
import dev.attest.monitoring.Severity;
import dev.attest.web.WireName;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks shipped in {@code checks/*.yaml}, loaded and validated once at start-up: a file with a
 * bad expression, an unknown control or a duplicate key stops the application with the reason.
 */
@Component
public class BuiltInChecks {

    private final Map<String, Check> checks;

    BuiltInChecks(CheckRules rules) throws IOException {
        Map<String, Check> loaded = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:checks/*.yaml");
        java.util.Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            List<Map<String, Object>> entries;
            try (InputStream in = file.getInputStream()) {
                Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                entries = entriesOf(document);
            } catch (RuntimeException e) {
                problems.add(file.getFilename() + ": not a list of checks under 'checks:' (" + e.getMessage() + ")");
                continue;
            }
            for (Map<String, Object> entry : entries) {
                String key = text(entry.get("key"));
                List<String> controls = entry.get("controls") instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList() : List.of();
                Map<String, String> errors = rules.problems(key, text(entry.get("title")), text(entry.get("resourceType")),
                        text(entry.get("severity")), controls, text(entry.get("description")), text(entry.get("expression")));
                if (key != null && loaded.containsKey(key)) {
                    errors.put("key", "'" + key + "' is already used by another check");
                }
                if (!errors.isEmpty()) {
                    problems.add(file.getFilename() + " check '" + key + "': " + errors);
                    continue;
                }
                loaded.put(key, new Check(key, text(entry.get("title")).strip(), text(entry.get("resourceType")),
                        WireName.parse(Severity.class, text(entry.get("severity"))).orElseThrow(), controls,
                        text(entry.get("description")), text(entry.get("expression")).strip(), true));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid built-in checks:\n  " + String.join("\n  ", problems));
        }
        this.checks = java.util.Collections.unmodifiableMap(loaded);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entriesOf(Object document) {
        if (!(document instanceof Map<?, ?> root) || !(root.get("checks") instanceof List<?> list)) {
            throw new IllegalArgumentException("missing 'checks:' list");
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("an entry is not a mapping");
            }
            entries.add((Map<String, Object>) map);
        }
        return entries;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    public List<Check> all() {
        return List.copyOf(checks.values());
    }

    public java.util.Optional<Check> get(String key) {
        return java.util.Optional.ofNullable(checks.get(key));
    }

    public Set<String> resourceTypes() {
        return checks.values().stream().map(Check::resourceType).collect(Collectors.toSet());
    }
}
