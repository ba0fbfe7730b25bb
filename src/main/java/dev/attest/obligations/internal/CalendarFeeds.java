package dev.attest.obligations.internal;

import dev.attest.crypto.Tokens;
import dev.attest.crypto.Digests;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.PublicBaseUrl;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * Per-user secret tokens for the iCalendar feed: calendar apps cannot sign in, so the token in the
 * URL is the credential. Only its hash is stored; issuing a new one revokes the old.
 */
@Service
@RequiredArgsConstructor
class CalendarFeeds {

    record Subscriber(WorkspaceId workspace, String email) {
    }

    private final ObligationStore store;
    private final Clock clock;
    private final PublicBaseUrl baseUrl;

    /** The absolute address of a feed, from the configured public base URL (calendar apps fetch it from elsewhere). */
    String url(String token) {
        return baseUrl.link("/obligations/calendar/" + token + ".ics");
    }

    /** The base URL that links inside a feed start with. */
    String base() {
        return baseUrl.get();
    }

    /** A new token for this user (the previous one stops working); shown once. */
    @Transactional
    String issue(WorkspaceId workspace, String email) {
        String token = Tokens.urlSafe(32);
        store.replaceFeedToken(workspace, email, hash(token), clock.instant());
        return token;
    }

    Optional<Subscriber> subscriber(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return store.feedSubscriber(hash(token));
    }

    boolean has(WorkspaceId workspace, String email) {
        return store.hasFeedToken(workspace, email);
    }

    private static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
