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
        String request = admin().postJson(base + "/requests", "{\"request\":\"Security policy\",\"control\":\"GR-01\"}").json().get("id").asString();
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
                "samples.json", "requests.csv", "findings.json", "evidence/" + sha, "ledger/ledger-export.txt", "manifest.json");
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
        Http other = Http.withToken(port, ExtraAccounts.inNewWorkspace(jdbc).token());
        String audit = other.postJson("/api/v1/audits", """
                {"kind":"soc2_type1","firm":"Example Audit LLP","leadAuditor":"Dana Reyes","periodStart":"2026-06-30"}""").json().get("id").asString();
        Http.Response refused = other.get("/api/v1/audits/" + audit + "/package");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("evidence");
    }

    private static String verify(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AuditPackageVerifier.run(new String[] {file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
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
