package dev.attest.trustcenter.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute addresses of public pages, for emails and the feed: the configured base URL, else the request's. */
@Component
class PublicAddress {

    private final TrustCenterProperties properties;

    PublicAddress(TrustCenterProperties properties) {
        this.properties = properties;
    }

    String base(HttpServletRequest request) {
        if (properties.baseUrl() != null && !properties.baseUrl().isBlank()) {
            return properties.baseUrl().replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }
}
