package dev.attest.obligations.internal;

import dev.attest.crypto.Tokens;
import dev.attest.crypto.Digests;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.PublicBaseUrl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-user secret tokens for the iCalendar feed: calendar apps cannot sign in, so the token in the
 * URL is the credential. Only its hash is stored; issuing a new one revokes the old.
 */
@Service
class CalendarFeeds {

    record Subscriber(WorkspaceId workspace, String email) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PublicBaseUrl baseUrl;

    CalendarFeeds(JdbcClient jdbc, Clock clock, PublicBaseUrl baseUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** A new token for this user (the previous one stops working); shown once. */
    @Transactional
    /** The absolute address of a feed, from the configured public base URL (calendar apps fetch it from elsewhere). */
    String url(String token) {
        return baseUrl.link("/obligations/calendar/" + token + ".ics");
    }

    /** The base URL that links inside a feed start with. */
    String base() {
        return baseUrl.get();
    }

    String issue(WorkspaceId workspace, String email) {
        String token = Tokens.urlSafe(32);
        jdbc.sql("delete from obligation_feed_token where workspace_id = ? and email = ?").params(workspace.value(), email).update();
        jdbc.sql("insert into obligation_feed_token (workspace_id, email, token_hash, created_at) values (?, ?, ?, ?)")
                .params(workspace.value(), email, hash(token), RecurringDuties.utc(clock.instant())).update();
        return token;
    }

    Optional<Subscriber> subscriber(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select workspace_id, email from obligation_feed_token where token_hash = ?").param(hash(token))
                .query((rs, n) -> new Subscriber(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("email")))
                .optional();
    }

    boolean has(WorkspaceId workspace, String email) {
        return jdbc.sql("select count(*) from obligation_feed_token where workspace_id = ? and email = ?")
                .params(workspace.value(), email).query(Integer.class).single() > 0;
    }

    private static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
