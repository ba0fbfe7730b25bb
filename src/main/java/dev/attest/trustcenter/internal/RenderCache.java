package dev.attest.trustcenter.internal;

import dev.attest.controls.ControlUpdated;
import dev.attest.trustcenter.SubprocessorChangeAnnounced;
import dev.attest.trustcenter.TrustCenterPublished;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered public pages, served without touching the database. Publishing, a subprocessor notice or
 * a control status change clears it after the change commits; entries also expire after a short
 * time so that "updated 2 hours ago" and effective dates stay true.
 */
@Component
class RenderCache {

    /** A rendered page: its body and content type, or a status other than 200; the cache stamps the time. */
    record Page(int status, String contentType, String body, Instant renderedAt) {
    }

    private static final int MAX_ENTRIES = 200;

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final TrustCenterProperties properties;
    private final Clock clock;

    RenderCache(TrustCenterProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    Page get(String key, Supplier<Page> render) {
        Instant now = clock.instant();
        Page page = pages.get(key);
        if (page != null && page.renderedAt().plus(properties.cacheTtl()).isAfter(now)) {
            return page;
        }
        Page rendered = render.get();
        Page fresh = new Page(rendered.status(), rendered.contentType(), rendered.body(), now);
        if (pages.size() >= MAX_ENTRIES) {
            pages.clear();
        }
        pages.put(key, fresh);
        return fresh;
    }

    void clear() {
        pages.clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TrustCenterPublished event) {
        clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SubprocessorChangeAnnounced event) {
        clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ControlUpdated event) {
        clear();
    }
}
