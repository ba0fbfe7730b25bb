package dev.attest.web;

import java.util.Map;

/**
 * A request value that cannot be accepted, naming the field: the API answers 400 with a problem
 * detail listing the fields, a form shows the message beside the field.
 */
public class InvalidFieldException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidFieldException(String field, String message) {
        this(Map.of(field, message));
    }

    public InvalidFieldException(Map<String, String> errors) {
        super(String.join("; ", errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        // in the order given: a form lists its refused fields top to bottom
        this.errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
    }

    /** Field name to message. */
    public Map<String, String> errors() {
        return errors;
    }
}
