package dev.attest.accessreviews;

import dev.attest.identity.WorkspaceId;

import java.util.Map;
import java.util.UUID;

/**
 * What a source reads for one system: its monitoring connection (PostgreSQL, MariaDB), its target
 * (a host name, an LDAP or SCIM URL), plain settings and decrypted secrets.
 */
public record SourceTarget(WorkspaceId workspace, UUID systemId, String systemName, UUID connectionId, String target,
                           Map<String, String> settings, Map<String, String> secrets) {

    public SourceTarget {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }

    /** A setting, or the fallback when it is not set. */
    public String setting(String name, String fallback) {
        String value = settings.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
