package dev.attest.monitoring.internal;

import dev.attest.catalog.Catalog;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.Severity;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What makes a check well-formed, for built-in files and for checks users write alike. */
@Component
public class CheckRules {

    static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern TYPE = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");
    static final int MAX_KEY = 100;
    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_EXPRESSION = 8000;

    private final Catalog catalog;
    private final CelEngine cel;

    CheckRules(Catalog catalog, CelEngine cel) {
        this.catalog = catalog;
        this.cel = cel;
    }

    /** Field name to message for everything wrong with the check, the expression compiled last. */
    public Map<String, String> problems(String key, String title, String resourceType, String severity, List<String> controls,
                                        String description, String expression) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (key == null || !KEY.matcher(key).matches() || key.length() > MAX_KEY) {
            errors.put("key", "use lower-case words joined by hyphens, at most " + MAX_KEY + " characters, e.g. tls-modern-protocols");
        }
        if (title == null || title.isBlank()) {
            errors.put("title", "say what the check proves");
        } else if (title.length() > MAX_TITLE) {
            errors.put("title", "at most " + MAX_TITLE + " characters");
        }
        if (resourceType == null || !TYPE.matcher(resourceType).matches() || resourceType.length() > 100) {
            errors.put("resourceType", "a dotted resource type such as postgres.server");
        }
        if (severity == null || Severity.fromWireName(severity).isEmpty()) {
            errors.put("severity", "one of " + Severity.allowed());
        }
        if (controls == null || controls.isEmpty()) {
            errors.put("controls", "name at least one control the check proves");
        } else {
            for (String control : controls) {
                if (catalog.control(control).isEmpty()) {
                    errors.put("controls", "'" + control + "' is not a control of the catalog");
                }
            }
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.put("description", "at most " + MAX_DESCRIPTION + " characters");
        }
        if (expression == null || expression.length() > MAX_EXPRESSION) {
            errors.put("expression", expression == null ? "write a CEL expression that is true when a resource passes"
                    : "at most " + MAX_EXPRESSION + " characters");
        } else {
            try {
                cel.compile(expression);
            } catch (CelEngine.ExpressionError e) {
                errors.put("expression", e.describe());
            }
        }
        return errors;
    }

    public Map<String, String> problems(Check check) {
        return problems(check.key(), check.title(), check.resourceType(), check.severity() == null ? null : check.severity().wireName(),
                check.controls(), check.description(), check.expression());
    }
}
