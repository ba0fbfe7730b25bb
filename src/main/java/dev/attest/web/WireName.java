package dev.attest.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum's spelling outside Java: in forms, URLs, CSV, database columns and audit-trail text. An
 * enum declares it once by implementing this interface (the lower-case constant name unless it
 * overrides {@link #wireName()}); reading it back is shared, here and in {@link WireNameConverters}
 * for request parameters. JSON keeps each enum's own choice: those that speak their wire name in
 * JSON implement {@link JsonWireName}, which writes and reads it there.
 */
public interface WireName {

    /** The spelling outside Java, e.g. {@code in_progress}. */
    default String wireName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** The spelling of {@code value}, or null for none. */
    static String of(WireName value) {
        return value == null ? null : value.wireName();
    }

    /** The constant spelt exactly {@code value}, if there is one. */
    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireName().equals(value)).findFirst();
    }

    /** The constant spelt exactly {@code value}; an {@link IllegalArgumentException} "must be one of ..." otherwise. */
    static <E extends Enum<E> & WireName> E require(Class<E> type, String value) {
        return parse(type, value).orElseThrow(() -> new IllegalArgumentException("must be one of " + allowed(type)));
    }

    /** The spellings, for messages that list what is allowed: "low, medium, high". */
    static String allowed(Class<? extends WireName> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(WireName::wireName).toList());
    }
}
