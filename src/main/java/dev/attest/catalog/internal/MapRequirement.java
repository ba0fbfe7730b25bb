package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps one requirement of an imported framework: the library controls that satisfy it, or the
 * reason no control does; both empty leaves it unmapped.
 */
record MapRequirement(@NotNull(message = "is required: a list of control keys, empty for none") @Size(max = 100, message = "at most 100 controls")
                      List<String> controls,
                      @Size(max = 1000, message = "at most 1000 characters") String noControlReason) {

    /** From the page's comma- or space-separated list of control keys. */
    static MapRequirement fromText(String controls, String noControlReason) {
        List<String> keys = new ArrayList<>();
        for (String key : (controls == null ? "" : controls).split("[,\\s]+")) {
            if (!key.isBlank()) {
                keys.add(key.strip().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return new MapRequirement(keys, noControlReason);
    }

    /** The reason, stripped, or null when blank. */
    String reason() {
        return noControlReason == null || noControlReason.isBlank() ? null : noControlReason.strip();
    }

    /** The controls as keys of the library, each once; a key the library lacks or a reason beside controls is a field error. */
    List<ControlKey> keys(Catalog catalog, Map<String, String> errors) {
        Set<ControlKey> keys = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String key : controls) {
            if (key == null || catalog.control(key.strip()).isEmpty()) {
                unknown.add(String.valueOf(key));
            } else {
                keys.add(new ControlKey(key.strip()));
            }
        }
        if (!unknown.isEmpty()) {
            errors.put("controls", "not controls of the library: " + String.join(", ", unknown));
        }
        if (!keys.isEmpty() && reason() != null) {
            errors.put("noControlReason", "give a reason only when no control is mapped");
        }
        return List.copyOf(keys);
    }
}
