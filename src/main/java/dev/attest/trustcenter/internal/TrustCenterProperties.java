package dev.attest.trustcenter.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the public site (attest.trust-center.*).
 *
 * @param workspace      the slug of the workspace whose Trust Center is served at /trust
 * @param mailFrom       the sender of access links and notices
 * @param cacheTtl       how long a rendered public page is served before it is rendered again (publishing clears it at once)
 */
@ConfigurationProperties("attest.trust-center")
public record TrustCenterProperties(String workspace, String mailFrom,
                                    Duration cacheTtl) {

    public TrustCenterProperties {
        workspace = workspace == null || workspace.isBlank() ? "default" : workspace;
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "trust@localhost" : mailFrom;
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(60) : cacheTtl;
    }
}
