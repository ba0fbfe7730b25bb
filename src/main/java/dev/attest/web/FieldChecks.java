package dev.attest.web;

import java.util.Map;

/**
 * Reading a submitted text field the same way in every module: blank means absent, surrounding
 * space is dropped, and a problem is added to the caller's field-error map rather than thrown, so
 * that one response can name every bad field.
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** The stripped value, or null when blank; records "is required" or a length error under {@code field}. */
    public static String text(String value, String field, int max, boolean required, Map<String, String> errors) {
        String v = trimmed(value);
        if (v == null && required) {
            errors.put(field, "is required");
        } else if (v != null && v.length() > max) {
            errors.put(field, "at most " + max + " characters");
        }
        return v;
    }

    /** The stripped value, or null when null or blank. */
    public static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
