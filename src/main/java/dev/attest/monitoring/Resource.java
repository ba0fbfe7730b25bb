package dev.attest.monitoring;

import org.springframework.modulith.NamedInterface;
import java.util.Map;

/**
 * A typed JSON document with a stable id: what a check reads. Types are dotted names such as
 * {@code postgres.server}, {@code tls.endpoint}, {@code people.person}, {@code vendors.vendor}.
 *
 * @param type the resource type, e.g. {@code people.person}
 * @param id   stable within its type and workspace, e.g. a person's email or a server's host:port
 * @param data the document: JSON-compatible values only (String, Boolean, Long, Double, List, Map, null);
 *             dates and times as ISO-8601 strings
 */
@NamedInterface("spi")
public record Resource(String type, String id, Map<String, Object> data) {

    public Resource {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
