package dev.attest.monitoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A check as someone writes it in the UI or the API, before it is compiled and saved. The
 * constraints are what a check's fields must look like; that each control is in the catalog and
 * that the expression compiles are checked against the catalog and CEL by the check rules. The key,
 * type and severity are stripped, the controls stripped and named once each.
 */
public record CheckDraft(
        @NotNull(message = KEY_RULE) @Size(max = 100, message = KEY_RULE) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = KEY_RULE)
        String key,
        @NotBlank(message = "say what the check proves") @Size(max = 300, message = "at most 300 characters")
        String title,
        @NotNull(message = TYPE_RULE) @Size(max = 100, message = TYPE_RULE) @Pattern(regexp = "[a-z0-9_]+(\\.[a-z0-9_]+)+", message = TYPE_RULE)
        String resourceType,
        @NotNull(message = SEVERITY_RULE) @Pattern(regexp = "critical|high|medium|low", message = SEVERITY_RULE)
        String severity,
        @NotEmpty(message = "name at least one control the check proves")
        List<String> controls,
        @Size(max = 4000, message = "at most 4000 characters")
        String description,
        @NotNull(message = "write a CEL expression that is true when a resource passes") @Size(max = 8000, message = "at most 8000 characters")
        String expression) {

    static final String KEY_RULE = "use lower-case words joined by hyphens, at most 100 characters, e.g. tls-modern-protocols";
    static final String TYPE_RULE = "a dotted resource type such as postgres.server";
    /** {@code "one of " + Severity.allowed()}, spelled out because a constraint's message is a constant. */
    static final String SEVERITY_RULE = "one of critical, high, medium, low";

    public CheckDraft {
        key = strip(key);
        resourceType = strip(resourceType);
        severity = strip(severity);
        controls = controls == null ? List.of() : controls.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
