package dev.attest.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First-start settings: the workspace to create and its first admin.
 *
 * @param adminPassword empty means generate one and print it once to the log
 * @param apiToken      when set at first start, an admin API token with exactly this value is created
 */
@ConfigurationProperties("attest.bootstrap")
record IdentityProperties(String workspace, String adminEmail, String adminPassword, String apiToken) {

    IdentityProperties {
        workspace = blankToDefault(workspace, "default");
        adminEmail = blankToDefault(adminEmail, "admin@localhost");
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
