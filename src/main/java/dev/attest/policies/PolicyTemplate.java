package dev.attest.policies;

import java.util.List;

/** A shipped policy template: Markdown with {@code {{placeholders}}} filled from workspace settings. */
public record PolicyTemplate(String key, String title, List<String> controls, String body) {

    public PolicyTemplate {
        controls = List.copyOf(controls);
    }
}
