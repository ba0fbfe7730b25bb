package dev.attest.incidents;

import java.util.ArrayList;
import java.util.List;

/** How the commands tidy what was typed: blank text is no text, and a list of names drops blanks and repeats. */
final class Names {

    static final String PROBLEM = "each name at most 200 characters on one line";
    static final String ONE_LINE = "[^\\n\\r]*";

    private Names() {
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static List<String> distinct(List<String> values) {
        List<String> names = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            String n = text(v);
            if (n != null && !names.contains(n)) {
                names.add(n);
            }
        }
        return List.copyOf(names);
    }
}
