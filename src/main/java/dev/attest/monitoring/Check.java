package dev.attest.monitoring;

import java.util.List;

/**
 * A test over every resource of one type: the CEL expression is true when a resource passes.
 *
 * @param key      stable and unique, kebab-case
 * @param controls the catalog control keys it proves
 * @param builtIn  shipped in {@code checks/*.yaml} rather than written by the workspace
 */
public record Check(String key, String title, String resourceType, Severity severity, List<String> controls,
                    String description, String expression, boolean builtIn) {

    public Check {
        controls = List.copyOf(controls);
    }
}
