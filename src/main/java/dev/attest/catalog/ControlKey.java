package dev.attest.catalog;

import java.util.regex.Pattern;

/** The stable key of a control in the library, such as {@code AC-07}: never renumbered, never reused. */
public record ControlKey(String value) implements Comparable<ControlKey> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2,4}-\\d{2,3}");

    public ControlKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("control key must look like AC-07, got: " + value);
        }
    }

    /** Whether the text has the shape of a control key. */
    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public int compareTo(ControlKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
