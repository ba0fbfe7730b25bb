package dev.attest.privacy.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Privacy settings ({@code attest.privacy.*}).
 *
 * @param purgeAfter        how long after closure the requester's personal data is kept (default 90 days)
 * @param publicWorkspace   the slug of the workspace whose Trust Center takes public requests
 * @param linkValidity      how long an email verification link works (default 24 hours)
 */
@ConfigurationProperties("attest.privacy")
record PrivacyProperties(Duration purgeAfter, String publicWorkspace, Duration linkValidity) {

    PrivacyProperties {
        purgeAfter = purgeAfter == null ? Duration.ofDays(90) : purgeAfter;
        publicWorkspace = publicWorkspace == null || publicWorkspace.isBlank() ? "default" : publicWorkspace.strip();
        linkValidity = linkValidity == null ? Duration.ofHours(24) : linkValidity;
    }
}
