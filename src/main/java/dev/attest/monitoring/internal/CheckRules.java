package dev.attest.monitoring.internal;

import dev.attest.catalog.Catalog;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckDraft;
import dev.attest.monitoring.Severity;
import dev.attest.web.Submission;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What makes a check well-formed, for built-in files and for checks users write alike. */
@Component
@RequiredArgsConstructor
public class CheckRules {

    /** A draft's fields in the editor's order, which is the order its problems are reported in. */
    private static final List<String> FIELDS = List.of("key", "title", "resourceType", "severity", "controls", "description", "expression");

    private final Catalog catalog;
    private final CelEngine cel;
    private final Validator validator;

    /** Field name to message for everything wrong with the check, the expression compiled last. */
    public Map<String, String> problems(String key, String title, String resourceType, String severity, List<String> controls,
                                        String description, String expression) {
        return problems(new CheckDraft(key, title, resourceType, severity, controls, description, expression));
    }

    /**
     * The draft's constraints, then what needs the catalog and CEL: each control exists (the last
     * unknown one is named) and the expression compiles. One message per field, in the form's order.
     */
    public Map<String, String> problems(CheckDraft draft) {
        Map<String, String> violated = Submission.fieldErrors(validator.validate(draft));
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String message = violated.get(field);
            if (message == null && field.equals("controls")) {
                for (String control : draft.controls()) {
                    if (catalog.control(control).isEmpty()) {
                        message = "'" + control + "' is not a control of the catalog";
                    }
                }
            }
            if (message == null && field.equals("expression")) {
                try {
                    cel.compile(draft.expression());
                } catch (CelEngine.ExpressionError e) {
                    message = e.describe();
                }
            }
            if (message != null) {
                errors.put(field, message);
            }
        }
        return errors;
    }

    public Map<String, String> problems(Check check) {
        return problems(check.key(), check.title(), check.resourceType(), check.severity() == null ? null : check.severity().wireName(),
                check.controls(), check.description(), check.expression());
    }
}
