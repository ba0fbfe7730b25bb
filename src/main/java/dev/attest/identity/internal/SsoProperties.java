package dev.attest.identity.internal;

import dev.attest.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Locale;

/**
 * Single sign-on with an OpenID Connect provider; off unless {@code issuerUri} is set.
 *
 * @param workspace      the slug of the workspace people who sign in this way join
 * @param defaultRole    the role a person gets when their account is created at first sign-in
 * @param allowedDomains email domains allowed to sign in (and be created); empty allows none
 */
@ConfigurationProperties("attest.sso")
record SsoProperties(String issuerUri, String clientId, String clientSecret, String workspace, String defaultRole,
                     List<String> allowedDomains) {

    SsoProperties {
        workspace = workspace == null || workspace.isBlank() ? "default" : workspace.strip();
        defaultRole = defaultRole == null || defaultRole.isBlank() ? Role.VIEWER.wireName() : defaultRole.strip();
        allowedDomains = allowedDomains == null ? List.of()
                : allowedDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList();
    }

    boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    boolean allows(String email) {
        int at = email.lastIndexOf('@');
        return at > 0 && allowedDomains.contains(email.substring(at + 1).toLowerCase(Locale.ROOT));
    }
}
