package dev.attest.monitoring;

import java.util.List;

/** A check as someone writes it in the UI or the API, before it is compiled and saved. */
public record CheckDraft(String key, String title, String resourceType, String severity, List<String> controls,
                         String description, String expression) {

    public CheckDraft {
        controls = controls == null ? List.of() : List.copyOf(controls);
    }
}
