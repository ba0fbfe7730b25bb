package dev.attest.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The lower-case spelling of the module's enums on the wire, in forms and in the database. */
public final class WireName {

    private WireName() {
    }

    public static String of(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        String v = value == null ? "" : value.strip();
        return Arrays.stream(type.getEnumConstants()).filter(e -> of(e).equalsIgnoreCase(v)).findFirst();
    }

    /** The allowed spellings, for error messages: "low, medium, high". */
    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(WireName::of).toList());
    }
}
