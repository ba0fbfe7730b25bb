package dev.attest.auditlog.internal;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with write access to the database rewrites a workspace's audit trail, whose entry hashes
 * anyone can recompute; the signed checkpoints (key derived from the master key, newest one also kept
 * outside the database) make the API's verification fail, while an untouched trail still verifies.
 */
@AttestTest
class AuditTrailTamperingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditStore store;

    @Autowired
    AuditCheckpoints checkpoints;

    private UUID chain;
    private Http api;

    /** Six entries, signed after the fourth and the sixth. */
    @BeforeEach
    void trailWithTwoCheckpoints() {
        ExtraAccounts.Account admin = ExtraAccounts.inNewWorkspace(jdbc);
        chain = admin.workspaceId();
        api = Http.withToken(port, admin.token());
        for (int i = 1; i <= 6; i++) {
            store.append(chain, Instant.now(), "alice@example.com", "controls.updated", "control:AC-0" + i, "changed " + i, "10.0.0.1", "test");
            if (i == 4 || i == 6) {
                assertThat(checkpoints.signHead(chain)).isTrue();
            }
        }
    }

    private Http.Response verify() {
        var response = api.get("/api/v1/audit-log/verify");
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    /** Recomputes every entry from {@code fromSeq} on with the published hash rule, and moves the head. */
    private void recomputeFrom(long fromSeq) {
        String previous = jdbc.sql("select hash from audit_entry where workspace_id = ? and seq = ?").params(chain, fromSeq - 1)
                .query(String.class).optional().orElse(EntryHash.GENESIS);
        long last = fromSeq - 1;
        for (var e : jdbc.sql(AuditStore.COLUMNS + " where workspace_id = ? and seq >= ? order by seq").params(chain, fromSeq)
                .query(AuditStore::entry).list()) {
            String hash = EntryHash.of(chain, e.seq(), e.occurredAt(), e.actor(), e.action(), e.target(), e.summary(), e.address(),
                    e.userAgent(), previous);
            jdbc.sql("update audit_entry set previous_hash = ?, hash = ? where workspace_id = ? and seq = ?")
                    .params(previous, hash, chain, e.seq()).update();
            previous = hash;
            last = e.seq();
        }
        jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where workspace_id = ?").params(last, previous, chain).update();
    }

    private void deleteCheckpoints() {
        jdbc.sql("delete from audit_checkpoint where workspace_id = ?").param(chain).update();
        jdbc.sql("update audit_chain_head set signed_seq = 0 where workspace_id = ?").param(chain).update();
    }

    @Test
    void anUntouchedTrailVerifiesAndExtendsAnEarlierCheckpoint() {
        var result = verify();
        assertThat(result.json().get("valid").asBoolean()).as(result.body()).isTrue();
        assertThat(result.json().get("entries").asLong()).isEqualTo(6);
        assertThat(result.json().get("checkpoints").asLong()).isEqualTo(2);

        var kept = api.get("/api/v1/audit-log/checkpoint");
        assertThat(kept.json().get("count").asLong()).isEqualTo(6);
        assertThat(kept.json().get("keyId").asString())
                .isEqualTo(api.get("/api/v1/audit-log/key").json().get("fingerprint").asString().substring(0, 16));
        var against = api.postJson("/api/v1/audit-log/verify", kept.body());
        assertThat(against.json().get("valid").asBoolean()).as(against.body()).isTrue();
    }

    @Test
    void editingAnEntryRecomputingTheChainAndDeletingCheckpointsIsDetected() {
        String kept = api.get("/api/v1/audit-log/checkpoint").body();
        jdbc.sql("update audit_entry set actor = 'mallory@example.com' where workspace_id = ? and seq = 2").param(chain).update();
        recomputeFrom(2);
        deleteCheckpoints();

        var result = verify();
        assertThat(result.json().get("valid").asBoolean()).isFalse();
        assertThat(result.json().get("firstBrokenSeq").asLong()).isEqualTo(6);
        assertThat(result.json().get("problem").asString()).startsWith("entry 6 does not match the checkpoint this installation keeps "
                + "outside the database (signed ").endsWith("): the trail was rewritten at or before entry 6");
        assertThat(checkpoints.signHead(chain)).as("the rewritten head is not signed").isFalse();
        var against = api.postJson("/api/v1/audit-log/verify", kept);
        assertThat(against.json().get("valid").asBoolean()).isFalse();
    }

    @Test
    void deletingTheNewestEntriesAndMovingTheHeadIsDetected() {
        jdbc.sql("delete from audit_entry where workspace_id = ? and seq > 4").param(chain).update();
        jdbc.sql("delete from audit_checkpoint where workspace_id = ? and seq > 4").param(chain).update();
        jdbc.sql("update audit_chain_head set last_seq = 4, signed_seq = 4, last_hash = (select hash from audit_entry where workspace_id = ? "
                + "and seq = 4) where workspace_id = ?").params(chain, chain).update();

        var result = verify();
        assertThat(result.json().get("valid").asBoolean()).isFalse();
        assertThat(result.json().get("problem").asString()).startsWith("the trail ends at entry 4, but the checkpoint this installation "
                + "keeps outside the database (signed ").endsWith(") covers 6 entries: entries were removed from its end");
    }

    @Test
    void deletingTheCheckpointsIsDetected() {
        deleteCheckpoints();
        assertThat(verify().json().get("problem").asString()).isEqualTo(
                "the checkpoint at entry 6, the checkpoint this installation keeps outside the database, is missing from the trail");
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPair theirs = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String hash = jdbc.sql("select hash from audit_entry where workspace_id = ? and seq = 4").param(chain).query(String.class).single();
        String at = "2026-12-06T10:00:00Z";
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(theirs.getPrivate());
        signer.update(("attest-audit-checkpoint\n" + chain + "\n4\n" + hash + "\n" + at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String keyId = api.get("/api/v1/audit-log/key").json().get("fingerprint").asString().substring(0, 16);
        jdbc.sql("update audit_checkpoint set signed_at = ?, signature = ? where workspace_id = ? and seq = 4")
                .params(at, Base64.getEncoder().encodeToString(signer.sign()), chain).update();

        var result = verify();
        assertThat(result.json().get("valid").asBoolean()).isFalse();
        assertThat(result.json().get("problem").asString()).startsWith("checkpoint at entry 4 is not signed by this workspace's key");
        assertThat(keyId).hasSize(16);
    }

    @Test
    void entriesLeftUnsignedLongerThanTheIntervalMakeTheHeadStale() {
        ExtraAccounts.Account other = ExtraAccounts.inNewWorkspace(jdbc);
        chain = other.workspaceId();
        api = Http.withToken(port, other.token());
        for (int i = 0; i < 3; i++) {
            store.append(chain, Instant.now(), "bob@example.com", "risks.updated", "risk:" + i, "changed", null, null);
        }
        assertThat(verify().json().get("valid").asBoolean()).as("unsigned, but younger than the interval").isTrue();
        // The same trail as if written two days ago and never signed (or its checkpoints deleted).
        jdbc.sql("update audit_entry set occurred_at = ? where workspace_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.MILLIS), chain).update();
        recomputeFrom(1);

        var result = verify();
        assertThat(result.json().get("valid").asBoolean()).isFalse();
        assertThat(result.json().get("problem").asString()).startsWith("the head is not covered by a recent signed checkpoint: there is "
                + "no signed checkpoint at all, and entries 1 to " + result.json().get("entries").asLong() + " have waited since");
    }

    @Test
    void aCheckpointHandedInIsCheckedFieldByField() {
        var bad = api.postJson("/api/v1/audit-log/verify", "[{\"workspace\":\"" + chain + "\",\"count\":\"x\"}]");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("[0].count").contains("[0].hash").contains("[0].signature");
    }
}
