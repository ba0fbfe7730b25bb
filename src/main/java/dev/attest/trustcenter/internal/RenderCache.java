package dev.attest.trustcenter.internal;

import dev.attest.controls.ControlUpdated;
import dev.attest.trustcenter.SubprocessorChangeAnnounced;
import dev.attest.trustcenter.TrustCenterPublished;
import dev.attest.web.SharedCaches;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered public pages, served without touching the database. Publishing, a subprocessor notice or
 * a control status change clears it after the change commits, on this node at once and on every other
 * node through {@link SharedCaches} within a second; entries also expire after a short time so that
 * "updated 2 hours ago" and effective dates stay true.
 */
@Component
class RenderCache {

    /** A rendered page: its body and content type, or a status other than 200; the cache stamps the time. */
    record Page(int status, String contentType, String body, Instant renderedAt) {

        byte[] bytes() {
            return body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A page ready to write: the encoded bytes are kept so that a hit costs no rendering and no encoding. */
    record Entry(Page page, byte[] bytes) {
    }

    private static final int MAX_ENTRIES = 200;

    private final Map<String, Entry> pages = new ConcurrentHashMap<>();
    private final TrustCenterProperties properties;
    private final Clock clock;

    static final String SHARED_NAME = "trustcenter.pages";

    private final SharedCaches shared;

    RenderCache(TrustCenterProperties properties, Clock clock, SharedCaches shared) {
        this.properties = properties;
        this.clock = clock;
        this.shared = shared;
        shared.onChange(SHARED_NAME, pages::clear);
    }

    /** The page for this key, rendered now when it is missing or too old. */
    Entry get(String key, Supplier<Page> render) {
        Entry fresh = peek(key);
        if (fresh != null) {
            return fresh;
        }
        Page rendered = render.get();
        Entry entry = new Entry(new Page(rendered.status(), rendered.contentType(), rendered.body(), clock.instant()), rendered.bytes());
        if (pages.size() >= MAX_ENTRIES) {
            pages.clear();
        }
        pages.put(key, entry);
        return entry;
    }

    /** The page for this key when it is cached and fresh, else null. */
    Entry peek(String key) {
        Entry entry = pages.get(key);
        return entry != null && entry.page().renderedAt().plus(properties.cacheTtl()).isAfter(clock.instant()) ? entry : null;
    }

    /** Drops every page here and tells the other nodes to drop theirs. */
    void clear() {
        pages.clear();
        shared.changed(SHARED_NAME);
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
