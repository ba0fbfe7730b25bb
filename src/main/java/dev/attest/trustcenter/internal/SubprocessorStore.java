package dev.attest.trustcenter.internal;

import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The public subprocessor list (each entry with the days it is listed), its notices, and subscribers. */
@Repository
@RequiredArgsConstructor
class SubprocessorStore {

    record Entry(UUID id, String name, String purpose, String location, LocalDate listedFrom, LocalDate listedUntil) {
    }

    record Notice(UUID id, String kind, String name, String purpose, String location, String replaces, LocalDate effectiveOn,
                  Instant announcedAt) {
    }

    record Subscriber(UUID id, String email, String confirmToken, String unsubscribeToken, Instant createdAt, Instant confirmedAt,
                      Instant unsubscribedAt) {
    }

    private final JdbcClient jdbc;

    List<Entry> entries(WorkspaceId workspace) {
        return jdbc.sql("select id, name, purpose, location, listed_from, listed_until from trust_subprocessor where workspace_id = ? order by lower(name)")
                .param(workspace.value())
                .query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("purpose"),
                        rs.getString("location"), rs.getObject("listed_from", LocalDate.class), rs.getObject("listed_until", LocalDate.class)))
                .list();
    }

    void insertEntry(WorkspaceId workspace, Entry e) {
        jdbc.sql("insert into trust_subprocessor (id, workspace_id, name, purpose, location, listed_from, listed_until) values (?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), workspace.value(), e.name(), e.purpose(), e.location(), e.listedFrom(), e.listedUntil()).update();
    }

    void endEntry(WorkspaceId workspace, UUID id, LocalDate until) {
        jdbc.sql("update trust_subprocessor set listed_until = ? where workspace_id = ? and id = ?").params(until, workspace.value(), id).update();
    }

    void insertNotice(WorkspaceId workspace, Notice n, String actor) {
        jdbc.sql("insert into trust_subprocessor_notice (id, workspace_id, kind, name, purpose, location, replaces, effective_on, announced_at, announced_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(n.id(), workspace.value(), n.kind(), n.name(), n.purpose(), n.location(), n.replaces(), n.effectiveOn(),
                        utc(n.announcedAt()), actor)
                .update();
    }

    List<Notice> notices(WorkspaceId workspace) {
        return jdbc.sql("select id, kind, name, purpose, location, replaces, effective_on, announced_at from trust_subprocessor_notice "
                        + "where workspace_id = ? order by announced_at desc, name")
                .param(workspace.value())
                .query((rs, n) -> new Notice(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"),
                        rs.getString("purpose"), rs.getString("location"), rs.getString("replaces"),
                        rs.getObject("effective_on", LocalDate.class), instant(rs, "announced_at")))
                .list();
    }

    private static final String SUBSCRIBER = "select id, email, confirm_token, unsubscribe_token, created_at, confirmed_at, unsubscribed_at "
            + "from trust_subscriber where workspace_id = ? ";

    private static Subscriber subscriber(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Subscriber(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("confirm_token"),
                rs.getString("unsubscribe_token"), instant(rs, "created_at"), instant(rs, "confirmed_at"), instant(rs, "unsubscribed_at"));
    }

    void insertSubscriber(WorkspaceId workspace, Subscriber s, String address) {
        jdbc.sql("insert into trust_subscriber (id, workspace_id, email, confirm_token, unsubscribe_token, address, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), workspace.value(), s.email(), s.confirmToken(), s.unsubscribeToken(), address, utc(s.createdAt())).update();
    }

    Optional<Subscriber> byConfirmToken(WorkspaceId workspace, String token) {
        return jdbc.sql(SUBSCRIBER + "and confirm_token = ?").params(workspace.value(), token).query(SubprocessorStore::subscriber).optional();
    }

    Optional<Subscriber> byUnsubscribeToken(WorkspaceId workspace, String token) {
        return jdbc.sql(SUBSCRIBER + "and unsubscribe_token = ?").params(workspace.value(), token).query(SubprocessorStore::subscriber).optional();
    }

    List<Subscriber> confirmed(WorkspaceId workspace) {
        return jdbc.sql(SUBSCRIBER + "and confirmed_at is not null and unsubscribed_at is null order by email")
                .param(workspace.value()).query(SubprocessorStore::subscriber).list();
    }

    void confirm(WorkspaceId workspace, UUID id, Instant at) {
        jdbc.sql("update trust_subscriber set confirmed_at = ?, unsubscribed_at = null where workspace_id = ? and id = ?")
                .params(utc(at), workspace.value(), id).update();
    }

    void unsubscribe(WorkspaceId workspace, UUID id, Instant at) {
        jdbc.sql("update trust_subscriber set unsubscribed_at = ? where workspace_id = ? and id = ?").params(utc(at), workspace.value(), id).update();
    }
}
