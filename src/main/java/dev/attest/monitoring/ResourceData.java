package dev.attest.monitoring;

import dev.attest.web.WireName;
import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of a resource that a record module offers checks, written field by field with the
 * conventions the built-in checks rely on:
 * <ul>
 *   <li>a field without a value is left out rather than null, so that checks test it with {@code has()};</li>
 *   <li>a time is RFC 3339 text in UTC, which CEL's {@code timestamp()} reads;</li>
 *   <li>an enum is its wire name.</li>
 * </ul>
 * Values are JSON's: text, booleans, {@code long} counts, lists and maps of those.
 */
@NamedInterface("spi")
public final class ResourceData {

    private final Map<String, Object> data = new LinkedHashMap<>();

    /** A field that always has a value. */
    public ResourceData put(String key, Object value) {
        data.put(key, value);
        return this;
    }

    /** A field left out when {@code value} is null. */
    public ResourceData optional(String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
        return this;
    }

    /** A time, left out when null. */
    public ResourceData time(String key, Instant at) {
        return optional(key, at == null ? null : at.toString());
    }

    /** A day as the time it starts in UTC ({@code 2026-03-01T00:00:00Z}), left out when null. */
    public ResourceData startOf(String key, LocalDate day) {
        return time(key, day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** An enum by its wire name, left out when null. */
    public ResourceData name(String key, WireName value) {
        return optional(key, WireName.of(value));
    }

    /** The fields so far, in the order they were written. */
    public Map<String, Object> map() {
        return data;
    }

    /** The resource of {@code type} with this data. */
    public Resource resource(String type, String id) {
        return new Resource(type, id, data);
    }
}
