package dev.attest.web;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The one public address of this installation ({@code attest.base-url}, {@code ATTEST_BASE_URL}), e.g.
 * {@code https://attest.example.com}. Every absolute URL Attest writes into an email, a feed,
 * security.txt or the API description starts with it, and never with the Host header of a request,
 * which anyone can set: a link mailed to a victim must not point wherever the sender of the form
 * wanted. Until it is set no email is sent ({@link BaseUrlMailGate}) and start-up says so; feeds and
 * documents then link to {@link #UNSET_FALLBACK}, visibly wrong but never chosen by a client.
 */
@Component
@RequiredArgsConstructor
public class PublicBaseUrl {

    /** What non-mail links start with while no base URL is configured. */
    public static final String UNSET_FALLBACK = "http://localhost:8080";

    private static final Logger log = LoggerFactory.getLogger(PublicBaseUrl.class);

    private final Environment environment;

    /** The configured base URL without a trailing slash, when there is one. */
    public Optional<String> configured() {
        // Read on each call: a test's base URL names the random port, known only once the server runs.
        String value = environment.getProperty("attest.base-url", "");
        return value.isBlank() ? Optional.empty() : Optional.of(value.strip().replaceAll("/+$", ""));
    }

    /** The base URL for links, {@link #UNSET_FALLBACK} while none is configured. */
    public String get() {
        return configured().orElse(UNSET_FALLBACK);
    }

    /** The absolute URL of a path of this installation, e.g. {@code link("/portal")}. */
    public String link(String path) {
        return get() + (path.startsWith("/") ? path : "/" + path);
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStartUp() {
        Optional<String> base = configured();
        if (base.isEmpty()) {
            log.warn("ATTEST_BASE_URL (attest.base-url) is not set: no email will be sent until it is, and feeds, "
                    + "security.txt and the API description link to {}. Set it to the address people use, e.g. https://attest.example.com",
                    UNSET_FALLBACK);
            return;
        }
        String problem = problem(base.get());
        if (problem != null) {
            throw new IllegalStateException("ATTEST_BASE_URL (attest.base-url) " + problem + ": " + base.get());
        }
    }

    /** Why a value cannot be the base URL, or null when it can. */
    static String problem(String value) {
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                return "must start with https:// or http://";
            }
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return "must be a host with an optional port and path, without user, query or fragment";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
    }
}
