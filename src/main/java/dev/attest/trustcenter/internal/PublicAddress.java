package dev.attest.trustcenter.internal;

import dev.attest.web.PublicBaseUrl;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Absolute addresses of public pages, for emails, the feed and security.txt: always the configured
 * public base URL, never the Host of the request (which whoever sends it chooses).
 */
@Component
@RequiredArgsConstructor
class PublicAddress {

    private final PublicBaseUrl baseUrl;

    String base() {
        return baseUrl.get();
    }
}
