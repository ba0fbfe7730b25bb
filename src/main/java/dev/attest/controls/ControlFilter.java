package dev.attest.controls;

import java.util.Locale;

/**
 * What the control library is narrowed to; a null field does not filter.
 *
 * @param owner an owner's email, or {@code none} for controls nobody owns
 * @param query words looked up in key, name and description
 */
public record ControlFilter(String domain, String framework, ImplementationStatus status, String owner, String query) {

    public static ControlFilter none() {
        return new ControlFilter(null, null, null, null, null);
    }

    public boolean matchesText(ControlState state) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = (state.control().key().value() + " " + state.control().name() + " " + state.control().description())
                .toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
