package dev.attest.catalog;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps one requirement of an imported framework: the library controls that satisfy it, or the
 * reason no control does; both empty leaves it unmapped.
 */
public record MapRequirement(@NotNull(message = "is required: a list of control keys, empty for none") @Size(max = 100, message = "at most 100 controls")
                             List<String> controls,
                             @Size(max = 1000, message = "at most 1000 characters") String noControlReason) {

    /** The reason, stripped, or null when blank. */
    public String reason() {
        return noControlReason == null || noControlReason.isBlank() ? null : noControlReason.strip();
    }

    /** What the library and the two fields together refuse: keys the library lacks, a reason beside controls; by field. */
    public Map<String, String> problems(Catalog catalog) {
        Map<String, String> errors = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        int known = 0;
        for (String key : controls) {
            if (key == null || catalog.control(key.strip()).isEmpty()) {
                unknown.add(String.valueOf(key));
            } else {
                known++;
            }
        }
        if (!unknown.isEmpty()) {
            errors.put("controls", "not controls of the library: " + String.join(", ", unknown));
        }
        if (known > 0 && reason() != null) {
            errors.put("noControlReason", "give a reason only when no control is mapped");
        }
        return errors;
    }

    /** The controls as keys, each once, in the order given; call once {@link #problems} found none. */
    public List<ControlKey> keys() {
        Set<ControlKey> keys = new LinkedHashSet<>();
        for (String key : controls) {
            if (key != null && ControlKey.isWellFormed(key.strip())) {
                keys.add(new ControlKey(key.strip()));
            }
        }
        return List.copyOf(keys);
    }
}
