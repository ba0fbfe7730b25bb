package dev.attest.evidence;

import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@AttestTest
class EvidenceLedgerTest {

    @LocalServerPort
    int port;

    @Autowired
    EvidenceLocker evidence;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anUploadIsStoredByItsHashAndCanBeReadBack() throws Exception {
        byte[] content = ("access review " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        var response = Multipart.post(port, AttestTest.ADMIN_TOKEN, "/api/v1/evidence",
                Map.of("title", "Q3 access review", "controls", "LM-12", "validUntil", "2099-01-01"), "review.txt", content);

        // LM-12: a control no check and no other test touches, so fresh evidence alone makes it pass
        // (the shared PostgreSQL workspace carries other tests' failing access-review checks on AC-06).
        assertThat(response.statusCode()).isEqualTo(201);
        Http api = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        var item = Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/evidence?control=LM-12").json().get(0);
        assertThat(item.get("sha256").asText()).isEqualTo(sha256(content));
        assertThat(item.get("title").asText()).isEqualTo("Q3 access review");
        assertThat(item.get("ledgerSeq").asLong()).isPositive();
        var read = api.get("/api/v1/evidence/" + item.get("id").asText() + "/content");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(new String(content, StandardCharsets.UTF_8));
        assertThat(api.get("/api/v1/controls/LM-12").json().get("testStatus").asText()).isEqualTo("passing");
    }

    @Test
    void anUploadNamingAnUnknownControlIsRefusedAndNothingIsSaved() {
        String title = "bad " + UUID.randomUUID();
        var response = Multipart.post(port, AttestTest.ADMIN_TOKEN, "/api/v1/evidence",
                Map.of("title", title, "controls", "ZZ-99"), "x.txt", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("controls").contains("ZZ-99");
        assertThat(Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/evidence?limit=1000").body()).doesNotContain(title);
    }

    @Test
    void aFileAboveTheUploadLimitGets413() {
        byte[] big = new byte[(int) evidence.maxUploadBytes() + 1];
        var response = Multipart.post(port, AttestTest.ADMIN_TOKEN, "/api/v1/evidence", Map.of("title", "too big"), "big.bin", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void theLedgerVerifiesOnlineAndOfflineAndNamesTheFirstTamperedEntry(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            evidence.add(workspace, new NewEvidence("upload", "item " + i, null, "text/plain", List.of(), null, "test"),
                    ("content " + i).getBytes(StandardCharsets.UTF_8));
            if (i == 2) {
                assertThat(evidence.checkpoint(workspace)).isTrue();
            }
        }
        assertThat(evidence.checkpoint(workspace)).isTrue();
        assertThat(evidence.checkpoint(workspace)).isFalse();

        LedgerVerification online = evidence.verifyLedger(workspace);
        assertThat(online.valid()).as(online.message()).isTrue();
        assertThat(online.entries()).isEqualTo(5);
        assertThat(online.checkpoints()).isEqualTo(2);

        StringWriter export = new StringWriter();
        evidence.exportLedger(workspace, export);
        Path file = folder.resolve("ledger.txt");
        Files.writeString(file, export.toString());
        String key = evidence.ledgerKeys(workspace).get(0).fingerprint();
        assertThat(offline(file, key)).startsWith("OK: ledger verifies: 5 entries, 2 signed checkpoints");
        assertThat(LedgerExportVerifier.run(new String[]{file.toString(), "--key", key}, new PrintStream(new ByteArrayOutputStream()))).isZero();

        String tampered = export.toString().replaceFirst("(E\\t4\\t[^\\t]+\\t[^\\t]+\\t[^\\t]+\\t)[0-9a-f]{64}", "$1" + "0".repeat(64));
        assertThat(tampered).isNotEqualTo(export.toString());
        Files.writeString(file, tampered);
        assertThat(offline(file, key)).startsWith("FAILED: entry 4 does not match");
        assertThat(LedgerExportVerifier.run(new String[]{file.toString(), "--key", key}, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(1);

        String dropped = export.toString().replaceFirst("E\\t2\\t[^\\n]*\\n", "");
        Files.writeString(file, dropped);
        assertThat(offline(file, key)).startsWith("FAILED: entry 2 is missing");

        String forged = export.toString().replaceFirst("(C\\t3\\t[0-9a-f]{64}\\t[^\\t]+\\t[^\\t]+\\t)(.)", "$1" + "A");
        Files.writeString(file, forged.equals(export.toString()) ? forged.replaceFirst("(C\\t3\\t[0-9a-f]{64}\\t[^\\t]+\\t[^\\t]+\\t)(.)", "$1B") : forged);
        assertThat(offline(file, key)).startsWith("FAILED: checkpoint at entry 3 has a bad signature");
    }

    @Test
    void theLedgerEndpointVerifiesTheWorkspacesLedger() {
        Multipart.post(port, AttestTest.ADMIN_TOKEN, "/api/v1/evidence", Map.of("title", "policy"), "p.txt", "p".getBytes());
        Http api = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        var verify = api.get("/api/v1/evidence/ledger/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.json().get("valid").asBoolean()).as(verify.body()).isTrue();
        var export = api.get("/api/v1/evidence/ledger/export");
        assertThat(export.body()).startsWith("attest-ledger\t1\nworkspace\t");
    }

    private static String offline(Path file, String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerExportVerifier.run(new String[]{file.toString(), "--key", key}, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
