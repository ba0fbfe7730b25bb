package dev.attest.trustcenter.internal;

import dev.attest.web.PublicBaseUrl;
import org.springframework.stereotype.Component;

/**
 * Absolute addresses of public pages, for emails, the feed and security.txt: always the configured
 * public base URL, never the Host of the request (which whoever sends it chooses).
 */
@Component
class PublicAddress {

    private final PublicBaseUrl baseUrl;

    PublicAddress(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    String base() {
        return baseUrl.get();
    }
}
