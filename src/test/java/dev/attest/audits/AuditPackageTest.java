package dev.attest.audits;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit package downloads as a ZIP that verifies offline, and a changed file is named. */
@AttestTest
class AuditPackageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    Http admin() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    @Test
    void thePackageVerifiesOfflineAndAChangedEvidenceFileIsNamed() throws IOException {
        String audit = admin().postJson("/api/v1/audits", """
                {"kind":"iso27001_surveillance","scope":["A.5.1"],"firm":"Certifier","leadAuditor":"Kim Ode","periodStart":"%s","periodEnd":"%s"}"""
                .formatted(LocalDate.now().minusDays(60), LocalDate.now().plusDays(1))).json().get("id").asString();
        String base = "/api/v1/audits/" + audit;
        String request = admin().postJson(base + "/requests", "{\"request\":\"Security policy\"}").json().get("id").asString();
        String sha = admin().postMultipart(base + "/requests/" + request + "/evidence", Map.of("title", "Policy"), "policy.pdf",
                ("%PDF-1.4 policy " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)).json().get("evidence").get(0).get("sha256").asString();
        for (int i = 0; i < 3; i++) {
            admin().postJson("/api/v1/incidents", "{\"title\":\"Package incident " + i + "\",\"description\":\"d\",\"systems\":[\"db\"]}");
        }
        assertThat(admin().postJson(base + "/samples", "{\"population\":\"incidents\",\"size\":2,\"seed\":7}").status()).isEqualTo(201);

        // A Statement of Applicability (a draft at least) goes into an ISO package.
        admin().post("/api/v1/soa/versions", "application/json", "");
        byte[] zip = admin().getBytes(base + "/package");
        List<String> names = names(zip);
        assertThat(names).contains("audit.json", "statement-of-applicability.csv", "control-matrix.csv", "populations/incidents.csv",
                "samples.json", "requests.csv", "findings.json", "evidence/" + sha, "ledger/ledger-segment.txt", "ledger/checkpoint.json", "manifest.json");
        assertThat(names.get(names.size() - 1)).isEqualTo("manifest.json");

        Path file = dir.resolve("package.zip");
        Files.write(file, zip);
        assertThat(verify(file)).startsWith("0 OK: ");

        Path tampered = dir.resolve("tampered.zip");
        Files.write(tampered, replace(zip, "evidence/" + sha, "%PDF-1.4 another policy".getBytes(StandardCharsets.UTF_8)));
        assertThat(verify(tampered)).startsWith("1 FAILED: evidence/" + sha + " does not match its manifest entry");

        assertThat(verify(dir.resolve("missing.zip"))).startsWith("2 cannot read");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'audits.package-exported' and target = ?").param("audit:" + audit)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPackageForAnAuditWithNoEvidenceIsRefusedNamingEvidence() {
        ExtraAccounts.Account account = ExtraAccounts.inNewWorkspace(jdbc);
        Http other = Http.withToken(port, account.token());
        String audit = other.postJson("/api/v1/audits", """
                {"kind":"soc2_type1","firm":"Example Audit LLP","leadAuditor":"Dana Reyes","periodStart":"2026-06-30"}""").json().get("id").asString();
        Http.Response refused = other.get("/api/v1/audits/" + audit + "/package");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("evidence");
        // the page's button answers the same refusal with a 400, not a server error
        Http page = Http.signedIn(port, account.email(), ExtraAccounts.PASSWORD);
        assertThat(page.get("/audits/" + audit + "/package").status()).isEqualTo(400);
    }

    /**
     * A workspace whose ledger starts with two entries from before the audit period (linked to no control: a
     * control's evidence also brings its freshness check's results into the ledger, after the commit): the package carries the period's segment only, continued to the newest signed checkpoint, which it
     * also carries; the segment proves it extends that checkpoint against the pinned key, and a package whose
     * checkpoint or segment was swapped (manifest updated to match) fails.
     */
    @Test
    void thePackageCarriesThePeriodsLedgerSegmentAndProvesItExtendsTheSignedCheckpoint() throws IOException {
        ExtraAccounts.Account account = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, account.token());
        for (int i = 1; i <= 2; i++) {
            assertThat(api.postMultipart("/api/v1/evidence", Map.of("title", "Old " + i), "old" + i + ".txt",
                    ("before the period " + i + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        }
        backdateFirstEntries(account.workspaceId(), 2, java.time.Instant.now().minus(java.time.Duration.ofDays(100)));
        String audit = api.postJson("/api/v1/audits", """
                {"kind":"iso27001_surveillance","scope":["A.5.1"],"firm":"Certifier","leadAuditor":"Kim Ode","periodStart":"%s","periodEnd":"%s"}"""
                .formatted(LocalDate.now().minusDays(60), LocalDate.now().plusDays(1))).json().get("id").asString();
        String base = "/api/v1/audits/" + audit;
        String request = api.postJson(base + "/requests", "{\"request\":\"Security policy\"}").json().get("id").asString();
        assertThat(api.postMultipart(base + "/requests/" + request + "/evidence", Map.of("title", "Policy"), "policy.pdf",
                ("%PDF-1.4 policy " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);

        byte[] zip = api.getBytes(base + "/package");
        String segment = new String(file(zip, "ledger/ledger-segment.txt"), StandardCharsets.UTF_8);
        assertThat(segment).contains("\nsegment\t3\t").contains("\nE\t3\t").doesNotContain("\nE\t1\t").doesNotContain("\nE\t2\t");
        var checkpoint = tools.jackson.databind.json.JsonMapper.builder().build().readTree(file(zip, "ledger/checkpoint.json"));
        assertThat(checkpoint.get("count").asLong()).isEqualTo(3);
        assertThat(checkpoint.get("workspace").asString()).isEqualTo(account.workspaceId().toString());

        String fingerprint = api.get("/api/v1/evidence/ledger/key").json().get(0).get("fingerprint").asString();
        Path file = dir.resolve("segment.zip");
        Files.write(file, zip);
        assertThat(verify(file, "--key", fingerprint)).startsWith("0 OK: ")
                .contains("ledger segment verifies: entries 3 to 3, 1 signed checkpoints")
                .contains("it extends the package's signed checkpoint (3 entries)");
        assertThat(verify(file)).startsWith("0 OK: ").contains("pin the workspace's key with --key");
        assertThat(verify(file, "--key", "ab".repeat(32))).isEqualTo("1 FAILED: ledger/ledger-segment.txt does not verify: the package's "
                + "signed checkpoint at entry 3 is not signed by a pinned key of this workspace\n");

        // The checkpoint swapped for one that names another head: the segment no longer extends it.
        String forged = new String(file(zip, "ledger/checkpoint.json"), StandardCharsets.UTF_8)
                .replace(checkpoint.get("hash").asString(), "ab".repeat(32));
        Path swapped = dir.resolve("swapped.zip");
        Files.write(swapped, replaceListed(zip, "ledger/checkpoint.json", forged.getBytes(StandardCharsets.UTF_8)));
        assertThat(verify(swapped, "--key", fingerprint)).startsWith("1 FAILED: ledger/ledger-segment.txt does not verify: entry 3 does not "
                + "match the package's signed checkpoint");
    }

    /** Moves the first entries of a fresh (not yet signed) ledger back in time, recomputing the chain as the application would have. */
    private void backdateFirstEntries(UUID workspace, long entries, java.time.Instant at) {
        jdbc.sql("update ledger_entry set recorded_at = ? where workspace_id = ? and seq <= ?")
                .params(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), workspace, entries).update();
        assertThat(jdbc.sql("select count(*) from ledger_checkpoint where workspace_id = ?").param(workspace).query(Long.class).single()).isZero();
        String previous = dev.attest.evidence.internal.LedgerFormat.GENESIS;
        long last = 0;
        for (String[] row : jdbc.sql("select seq, recorded_at, evidence_id, kind, sha256 from ledger_entry where workspace_id = ? order by seq")
                .param(workspace).query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class).toString(),
                        rs.getString(4), rs.getString(5)}).list()) {
            last = Long.parseLong(row[0]);
            previous = dev.attest.evidence.internal.LedgerFormat.entryHash(previous,
                    dev.attest.evidence.internal.LedgerFormat.entryFields(last, row[1], row[2], row[3], row[4]));
            jdbc.sql("update ledger_entry set entry_hash = ? where workspace_id = ? and seq = ?").params(previous, workspace, last).update();
        }
        jdbc.sql("update ledger_head set seq = ?, head_hash = ? where workspace_id = ?").params(last, previous, workspace).update();
    }

    private static byte[] file(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " is not in the package");
    }

    /** One file replaced and its manifest entry updated to match, as someone forging a package would. */
    private static byte[] replaceListed(byte[] zip, String name, byte[] content) throws IOException {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var manifest = (tools.jackson.databind.node.ObjectNode) json.readTree(file(zip, "manifest.json"));
        for (var f : manifest.get("files")) {
            if (f.get("path").asString().equals(name)) {
                ((tools.jackson.databind.node.ObjectNode) f).put("sha256", java.util.HexFormat.of().formatHex(
                        sha256(content))).put("size", content.length);
            }
        }
        return replace(replace(zip, name, content), "manifest.json", json.writeValueAsBytes(manifest));
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String verify(Path file, String... keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(file.toString()));
        args.addAll(List.of(keys));
        int status = AuditPackageVerifier.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        return status + " " + out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> names(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** The same ZIP with one file's bytes replaced, as someone editing the package would leave it. */
    private static byte[] replace(byte[] zip, String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(name) ? content : in.readAllBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
