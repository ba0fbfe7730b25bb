package dev.attest.privacy.internal;

import java.util.Map;
import java.util.regex.Pattern;

/** Checks on typed values shared by the staff and public forms; each adds a message to the field it names. */
final class FieldRules {

    // One @, no spaces or control characters, a dot in the domain: what a mail server will accept.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}.]{2,}$");

    private FieldRules() {
    }

    static String text(Map<String, String> errors, String field, String value, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            errors.put(field, "is required");
        } else if (v.length() > max) {
            errors.put(field, "is longer than " + max + " characters");
        }
        return v.isEmpty() ? null : v;
    }

    static String email(Map<String, String> errors, String field, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.put(field, "is required");
        } else if (v.length() > 254 || !EMAIL.matcher(v).matches() || v.contains("..")) {
            errors.put(field, "is not a valid email address");
        }
        return v.toLowerCase(java.util.Locale.ROOT);
    }
}
