package dev.attest.evidence;

import dev.attest.evidence.internal.LedgerFormat;
import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with write access to the database rewrites the ledger the way the attacker did, and
 * the application (online, through the API) and the offline command both notice, while an untouched
 * ledger still verifies. Each test works on a workspace of its own.
 */
@AttestTest
class LedgerTamperingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvidenceLocker evidence;

    @TempDir
    Path folder;

    private ExtraAccounts.Account admin;
    private WorkspaceId workspace;
    private Http api;

    /**
     * Five uploads, signed after the third and the fifth: checkpoints at entries 3 and 5. The uploads name no control,
     * since a control's evidence also brings its freshness check's results into the ledger after the commit.
     */
    @BeforeEach
    void ledgerWithTwoCheckpoints() {
        admin = ExtraAccounts.inNewWorkspace(jdbc);
        workspace = new WorkspaceId(admin.workspaceId());
        api = Http.withToken(port, admin.token());
        for (int i = 1; i <= 5; i++) {
            var response = Multipart.post(port, admin.token(), "/api/v1/evidence", Map.of("title", "evidence " + i),
                    "e" + i + ".txt", ("content " + i + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(201);
            if (i == 3 || i == 5) {
                assertThat(evidence.checkpoint(workspace)).isTrue();
            }
        }
    }

    // --- what the auditor has: the pinned key's fingerprint, an export, a checkpoint kept earlier ---

    private String fingerprint() {
        var keys = api.get("/api/v1/evidence/ledger/key");
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json().get(0).get("current").asBoolean()).isTrue();
        return keys.json().get(0).get("fingerprint").asString();
    }

    private String keptCheckpoint() {
        var checkpoint = api.get("/api/v1/evidence/ledger/checkpoint");
        assertThat(checkpoint.status()).isEqualTo(200);
        assertThat(checkpoint.json().get("count").asLong()).isEqualTo(5);
        return checkpoint.body();
    }

    private Path file(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private String offline(String... args) throws Exception {
        Path export = file("export-" + UUID.randomUUID() + ".txt", api.get("/api/v1/evidence/ledger/export").body());
        List<String> all = new ArrayList<>(List.of(export.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LedgerExportVerifier.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isEqualTo(printed.startsWith("OK: ") ? 0 : 1);
        return printed;
    }

    private Http.Response online() {
        var response = api.get("/api/v1/evidence/ledger/verify");
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    // --- the attacker's tools: plain SQL, and the published hash rules ---

    /** Recomputes every entry hash from {@code fromSeq} on, as someone who knows the format would, and moves the head. */
    private void recomputeFrom(long fromSeq) {
        String previous = fromSeq == 1 ? LedgerFormat.GENESIS : jdbc.sql("select entry_hash from ledger_entry where workspace_id = ? and seq = ?")
                .params(workspace.value(), fromSeq - 1).query(String.class).single();
        var rows = jdbc.sql("select seq, recorded_at, evidence_id, kind, sha256 from ledger_entry where workspace_id = ? and seq >= ? order by seq")
                .params(workspace.value(), fromSeq)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class).toString(), rs.getString(4),
                        rs.getString(5)}).list();
        long last = fromSeq - 1;
        for (String[] row : rows) {
            last = Long.parseLong(row[0]);
            previous = LedgerFormat.entryHash(previous, LedgerFormat.entryFields(last, row[1], row[2], row[3], row[4]));
            jdbc.sql("update ledger_entry set entry_hash = ? where workspace_id = ? and seq = ?").params(previous, workspace.value(), last).update();
        }
        jdbc.sql("update ledger_head set seq = ?, head_hash = ? where workspace_id = ?").params(last, previous, workspace.value()).update();
    }

    private void rewriteEntry2() {
        jdbc.sql("update ledger_entry set sha256 = ? where workspace_id = ? and seq = 2").params("ab".repeat(32), workspace.value()).update();
        recomputeFrom(2);
    }

    private void deleteCheckpoints() {
        jdbc.sql("delete from ledger_checkpoint where workspace_id = ?").param(workspace.value()).update();
        jdbc.sql("update ledger_head set signed_seq = 0 where workspace_id = ?").param(workspace.value()).update();
    }

    // --- the tests ---

    @Test
    void anUntouchedLedgerVerifiesOnlineOfflineWithThePinnedKeyAndAgainstAnEarlierCheckpoint() throws Exception {
        String kept = keptCheckpoint();
        var result = online();
        assertThat(result.json().get("valid").asBoolean()).as(result.body()).isTrue();
        assertThat(result.json().get("checkpoints").asLong()).isEqualTo(2);

        var against = api.postJson("/api/v1/evidence/ledger/verify", kept);
        assertThat(against.status()).isEqualTo(200);
        assertThat(against.json().get("valid").asBoolean()).as(against.body()).isTrue();
        assertThat(against.json().get("message").asString()).contains("it extends the checkpoint this installation keeps outside the database (5 entries), the earlier checkpoint given (5 entries)");

        assertThat(offline("--key", fingerprint())).startsWith("OK: ledger verifies: 5 entries, 2 signed checkpoints");
        assertThat(offline("--key", fingerprint(), "--checkpoint", file("kept.json", kept).toString()))
                .startsWith("OK: ").contains("extends the earlier checkpoint in");
        assertThat(offline()).as("without a pinned key the export proves nothing").startsWith("FAILED: the export is consistent");
    }

    @Test
    void editingAnEntryRecomputingTheChainDeletingCheckpointsAndMovingTheHeadIsDetected() throws Exception {
        String fingerprint = fingerprint();
        Path kept = file("kept.json", keptCheckpoint());
        rewriteEntry2();
        deleteCheckpoints();

        var result = online();
        assertThat(result.json().get("valid").asBoolean()).as(result.body()).isFalse();
        assertThat(result.json().get("message").asString())
                .isEqualTo("entry 5 does not match the checkpoint this installation keeps outside the database (signed "
                        + evidenceCheckpointTime(kept) + "): the ledger was rewritten at or before entry 5");
        assertThat(evidence.checkpoint(workspace)).as("the application does not sign the rewritten head").isFalse();
        assertThat(online().json().get("valid").asBoolean()).isFalse();

        assertThat(offline("--key", fingerprint, "--checkpoint", kept.toString()))
                .startsWith("FAILED: entry 5 does not match the earlier checkpoint in " + kept);
    }

    @Test
    void deletingTheCheckpointsAloneIsDetected() throws Exception {
        String fingerprint = fingerprint();
        Path kept = file("kept.json", keptCheckpoint());
        deleteCheckpoints();

        var result = online();
        assertThat(result.json().get("valid").asBoolean()).isFalse();
        assertThat(result.json().get("message").asString()).isEqualTo(
                "the checkpoint at entry 5, the checkpoint this installation keeps outside the database, is missing from the ledger");
        assertThat(offline("--key", fingerprint, "--checkpoint", kept.toString()))
                .startsWith("FAILED: the checkpoint at entry 5, the earlier checkpoint in " + kept + ", is missing from the ledger");
    }

    @Test
    void truncatingTheLedgerIsDetected() throws Exception {
        String fingerprint = fingerprint();
        String kept = keptCheckpoint();
        jdbc.sql("delete from ledger_entry where workspace_id = ? and seq > 3").param(workspace.value()).update();
        jdbc.sql("delete from ledger_checkpoint where workspace_id = ? and seq > 3").param(workspace.value()).update();
        jdbc.sql("update ledger_head set seq = 3, signed_seq = 3, head_hash = (select entry_hash from ledger_entry where workspace_id = ? and seq = 3) "
                + "where workspace_id = ?").params(workspace.value(), workspace.value()).update();

        var result = online();
        assertThat(result.json().get("valid").asBoolean()).isFalse();
        assertThat(result.json().get("message").asString()).startsWith("the ledger ends at entry 3, but the checkpoint this installation "
                + "keeps outside the database (signed ").endsWith(") covers 5 entries: entries were removed from its end");
        var against = api.postJson("/api/v1/evidence/ledger/verify", "[" + kept + "]");
        assertThat(against.json().get("valid").asBoolean()).isFalse();
        assertThat(offline("--key", fingerprint, "--checkpoint", file("kept.json", kept).toString()))
                .startsWith("FAILED: the ledger ends at entry 3, but the earlier checkpoint in ");
    }

    @Test
    void swappingThePublicKeyInTheDatabaseAndResigningIsDetected() throws Exception {
        String fingerprint = fingerprint();
        rewriteEntry2();
        // The attacker's own key, listed under the pinned key's id, signs checkpoints over the rewritten chain.
        KeyPair theirs = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String keyId = fingerprint.substring(0, 16);
        jdbc.sql("update ledger_key set public_key = ? where workspace_id = ?")
                .params(Base64.getEncoder().encodeToString(theirs.getPublic().getEncoded()), workspace.value()).update();
        var checkpoints = jdbc.sql("select seq, signed_at from ledger_checkpoint where workspace_id = ?").param(workspace.value())
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).list();
        for (Object[] checkpoint : checkpoints) {
            long seq = (Long) checkpoint[0];
            String hash = jdbc.sql("select entry_hash from ledger_entry where workspace_id = ? and seq = ?").params(workspace.value(), seq)
                    .query(String.class).single();
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(theirs.getPrivate());
            signer.update(LedgerFormat.checkpointMessage(workspace.toString(), seq, hash, (String) checkpoint[1]));
            jdbc.sql("update ledger_checkpoint set head_hash = ?, key_id = ?, signature = ? where workspace_id = ? and seq = ?")
                    .params(hash, keyId, Base64.getEncoder().encodeToString(signer.sign()), workspace.value(), seq).update();
        }
        assertThat(fingerprint()).as("the key shown to auditors does not come from the database").isEqualTo(fingerprint);

        var result = online();
        assertThat(result.json().get("valid").asBoolean()).isFalse();
        assertThat(result.json().get("message").asString()).isEqualTo("checkpoint at entry 3 has a bad signature");
        assertThat(offline("--key", fingerprint)).startsWith("FAILED: checkpoint at entry 3 has a bad signature");
        // The export lists the attacker's key too, but only under the pinned id; as a key of its own it is named and refused.
        jdbc.sql("update ledger_checkpoint set key_id = ? where workspace_id = ?").params("0123456789abcdef", workspace.value()).update();
        jdbc.sql("update ledger_key set key_id = ? where workspace_id = ?").params("0123456789abcdef", workspace.value()).update();
        assertThat(offline("--key", fingerprint)).startsWith("FAILED: checkpoint at entry 3 is signed by key 0123456789abcdef (fingerprint ")
                .contains("which is not a pinned key of this workspace");
        assertThat(online().json().get("message").asString()).startsWith("checkpoint at entry 3 is signed by key 0123456789abcdef");
    }

    @Test
    void aCheckpointHandedInIsCheckedFieldByField() {
        var bad = api.postJson("/api/v1/evidence/ledger/verify", """
                {"workspace":"%s","count":0,"hash":"xyz","time":"yesterday","keyId":"k","signature":"!"}""".formatted(workspace));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("count", "hash", "keyId", "signature", "time");

        String other = keptCheckpoint().replace(workspace.toString(), UUID.randomUUID().toString());
        var foreign = api.postJson("/api/v1/evidence/ledger/verify", other);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(fields(foreign)).containsExactly("workspace");
        assertThat(foreign.json().get("errors").get(0).get("message").asString()).isEqualTo("is another workspace's checkpoint");

        var notJson = api.post("/api/v1/evidence/ledger/verify", "application/json", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void aForgedCheckpointHandedInDoesNotVerify() {
        String kept = keptCheckpoint();
        String forged = kept.replaceFirst("\"time\":\"[^\"]+\"", "\"time\":\"2030-01-01T00:00:00Z\"");
        assertThat(forged).isNotEqualTo(kept);
        var result = api.postJson("/api/v1/evidence/ledger/verify", forged);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("valid").asBoolean()).isFalse();
        assertThat(result.json().get("message").asString()).isEqualTo("the earlier checkpoint given at entry 5 is not signed by a pinned key of this workspace");
    }

    private static List<String> fields(Http.Response problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private static String evidenceCheckpointTime(Path kept) throws Exception {
        return Files.readString(kept).replaceFirst("(?s).*\"time\":\"([^\"]+)\".*", "$1");
    }
}
