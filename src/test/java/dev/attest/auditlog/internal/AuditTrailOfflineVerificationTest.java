package dev.attest.auditlog.internal;

import dev.attest.auditlog.AuditTrailExportVerifier;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail verified offline, as {@code java -jar attest.jar verify-audit-log EXPORT --key FINGERPRINT
 * [--checkpoint FILE]} runs it: someone with write access to the database rewrites or truncates the trail
 * (or someone edits or cuts the export file), and the command names the entry; an untouched trail verifies
 * only against the pinned key.
 */
@AttestTest
class AuditTrailOfflineVerificationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditStore store;

    @Autowired
    AuditCheckpoints checkpoints;

    @TempDir
    Path folder;

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

    private String fingerprint() {
        return api.get("/api/v1/audit-log/key").json().get("fingerprint").asString();
    }

    private Path keptCheckpoint() throws Exception {
        var kept = api.get("/api/v1/audit-log/checkpoint");
        assertThat(kept.json().get("count").asLong()).isEqualTo(6);
        return file("kept.json", kept.body());
    }

    private Path file(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private String export() {
        var response = api.get("/api/v1/audit-log/export?format=chain");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        return response.body();
    }

    private String offline(String export, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(file("export-" + UUID.randomUUID() + ".jsonl", export).toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AuditTrailExportVerifier.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isEqualTo(printed.startsWith("OK: ") ? 0 : 1);
        return printed;
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

    @Test
    void anUntouchedTrailVerifiesWithThePinnedKeyAndAgainstAnEarlierCheckpoint() throws Exception {
        String export = export();
        assertThat(export.lines().count()).as("header, two checkpoints, six entries, closing line").isEqualTo(10);
        assertThat(offline(export, "--key", fingerprint())).startsWith("OK: audit trail verifies: 6 entries, 2 signed checkpoints, head ");
        Path kept = keptCheckpoint();
        assertThat(offline(export, "--key", fingerprint(), "--checkpoint", kept.toString()))
                .startsWith("OK: ").contains("it extends the earlier checkpoint in " + kept + " (6 entries)");
        assertThat(offline(export)).as("without a pinned key the export proves nothing").startsWith("FAILED: the export is consistent");
        assertThat(offline(export, "--key", "ab".repeat(32))).startsWith("FAILED: the export's checkpoints are signed by key ")
                .contains("which is not the pinned key");
    }

    @Test
    void editingAnEntryRecomputingTheChainAndDeletingCheckpointsIsDetectedAgainstAKeptCheckpoint() throws Exception {
        Path kept = keptCheckpoint();
        String fingerprint = fingerprint();
        jdbc.sql("update audit_entry set actor = 'mallory@example.com' where workspace_id = ? and seq = 2").param(chain).update();
        recomputeFrom(2);
        assertThat(offline(export(), "--key", fingerprint)).isEqualTo("FAILED: checkpoint at entry 4 names a hash the entries do not produce\n");

        jdbc.sql("delete from audit_checkpoint where workspace_id = ?").param(chain).update();
        jdbc.sql("update audit_chain_head set signed_seq = 0 where workspace_id = ?").param(chain).update();
        assertThat(offline(export(), "--key", fingerprint, "--checkpoint", kept.toString()))
                .startsWith("FAILED: entry 6 does not match the earlier checkpoint in " + kept)
                .contains("the trail was rewritten at or before entry 6");
    }

    @Test
    void deletingTheNewestEntriesAndMovingTheHeadIsDetectedAgainstAKeptCheckpoint() throws Exception {
        Path kept = keptCheckpoint();
        jdbc.sql("delete from audit_entry where workspace_id = ? and seq > 4").param(chain).update();
        jdbc.sql("delete from audit_checkpoint where workspace_id = ? and seq > 4").param(chain).update();
        jdbc.sql("update audit_chain_head set last_seq = 4, signed_seq = 4, last_hash = (select hash from audit_entry where workspace_id = ? "
                + "and seq = 4) where workspace_id = ?").params(chain, chain).update();

        assertThat(offline(export(), "--key", fingerprint(), "--checkpoint", kept.toString()))
                .startsWith("FAILED: the trail ends at entry 4, but the earlier checkpoint in " + kept)
                .contains("covers 6 entries: entries were removed from its end");
    }

    @Test
    void deletingACheckpointAnAuditorKeptIsDetected() throws Exception {
        Path kept = keptCheckpoint();
        jdbc.sql("delete from audit_checkpoint where workspace_id = ? and seq = 6").param(chain).update();
        assertThat(offline(export(), "--key", fingerprint(), "--checkpoint", kept.toString()))
                .isEqualTo("FAILED: the checkpoint at entry 6, the earlier checkpoint in " + kept + ", is missing from the trail\n");
    }

    @Test
    void anExportEditedOrCutShortIsNamed() throws Exception {
        String export = export();
        String fingerprint = fingerprint();
        List<String> lines = new ArrayList<>(export.lines().toList());

        List<String> edited = new ArrayList<>(lines);
        edited.set(5, edited.get(5).replace("changed 3", "changed 30"));
        assertThat(offline(String.join("\n", edited) + "\n", "--key", fingerprint))
                .isEqualTo("FAILED: entry 3 was changed after it was written\n");

        List<String> cut = lines.subList(0, 7);
        assertThat(offline(String.join("\n", cut) + "\n", "--key", fingerprint))
                .isEqualTo("FAILED: the export ends at line 7 without its closing line (after entry 4): the file was cut short\n");
        assertThat(offline(String.join("\n", lines.subList(0, 6)) + "\n" + lines.get(6).substring(0, 40), "--key", fingerprint))
                .isEqualTo("FAILED: line 7 is not a JSON object (after entry 3): the export was cut short or altered\n");

        List<String> dropped = new ArrayList<>(lines);
        dropped.remove(4);
        assertThat(offline(String.join("\n", dropped) + "\n", "--key", fingerprint)).isEqualTo("FAILED: entry 2 is missing\n");
    }

    @Test
    void badArgumentsAndFilesAreNamed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditTrailExportVerifier.run(new String[]{folder.resolve("none.jsonl").toString(), "--key", "ab".repeat(32)},
                new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no such file");
        Path notCheckpoint = file("bad.json", "{\"count\":\"x\"}");
        out.reset();
        assertThat(AuditTrailExportVerifier.run(new String[]{"x.jsonl", "--checkpoint", notCheckpoint.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("is not a valid checkpoint").contains("hash");
        assertThat(offline("a,b,c\n1,2,3\n", "--key", fingerprint())).startsWith("FAILED: not an Attest audit-trail export");

        var filtered = api.get("/api/v1/audit-log/export?format=chain&actor=alice@example.com");
        assertThat(filtered.status()).isEqualTo(400);
        assertThat(filtered.body()).contains("actor").contains("whole trail");
    }
}
