package dev.attest.audits;

import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings raised by the auditor and answered by the client; an open major nonconformity blocks completion; completing updates the Trust Center. */
@AttestTest
class AuditFindingsAndCompletionTest {

    static final byte[] REPORT = "%PDF-1.7 ISO/IEC 27001 certificate and stage 2 report".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void anOpenMajorNonconformityBlocksCompletionAndCompletingUpdatesTheTrustCenterInOneStep() {
        ExtraAccounts.Account lead = ExtraAccounts.inNewWorkspace(jdbc);
        WorkspaceId workspace = new WorkspaceId(lead.workspaceId());
        Http admin = Http.withToken(port, lead.token());
        var auditorAccount = TestAccounts.member(context, workspace, Role.AUDITOR);
        Http auditor = Http.withToken(port, TestAccounts.token(context, workspace, auditorAccount.userId(), "read_write"));

        String audit = admin.postJson("/api/v1/audits", """
                {"kind":"iso27001_stage2","firm":"Certifier GmbH","leadAuditor":"Kim Ode","periodStart":"2026-01-01","periodEnd":"2026-11-30"}""")
                .json().get("id").asString();
        String base = "/api/v1/audits/" + audit;
        admin.postJson(base + "/auditors", "{\"email\":\"" + auditorAccount.email() + "\",\"endsWithAudit\":true}");
        admin.postJson(base + "/status", "{\"action\":\"start_fieldwork\"}");

        Http.Response badRequirement = auditor.postJson(base + "/findings", "{\"kind\":\"observation\",\"title\":\"x\",\"requirements\":[\"CC6.1\"]}");
        assertThat(badRequirement.status()).isEqualTo(400);
        assertThat(badRequirement.json().get("errors").get(0).get("field").asString()).isEqualTo("requirements");
        var major = auditor.postJson(base + "/findings", """
                {"kind":"major_nonconformity","title":"No management review in the period","requirements":["9.3"],"controls":["GR-04"]}""").json();
        assertThat(major.get("reference").asString()).isEqualTo("F-01");
        auditor.postJson(base + "/findings", "{\"kind\":\"observation\",\"title\":\"Policy owners not named\",\"requirements\":[\"A.5.1\"]}");
        String majorId = major.get("id").asString();
        // The client answers; only the auditor closes.
        var answered = admin.postJson(base + "/findings/" + majorId + "/answer", """
                {"clientResponse":"Agreed","rootCause":"Review not scheduled","correctiveAction":"Quarterly review on the calendar",
                 "owner":"admin@localhost","dueOn":"2026-12-31"}""").json();
        assertThat(answered.get("status").asString()).isEqualTo("answered");
        assertThat(admin.post(base + "/findings/" + majorId + "/close", "application/json", "").status()).isEqualTo(403);
        admin.postJson(base + "/status", "{\"action\":\"start_reporting\"}");

        long documentsBefore = jdbc.sql("select count(*) from trust_document where workspace_id = ?").param(lead.workspaceId()).query(Long.class).single();
        Http.Response blocked = complete(admin, base, Map.of("issuedOn", "2026-12-05", "confirm", "true"), REPORT);
        assertThat(blocked.status()).isEqualTo(400);
        assertThat(blocked.body()).contains("\"field\":\"findings\"", "F-01");
        assertThat(admin.get(base).json().get("status").asString()).isEqualTo("reporting");
        assertThat(jdbc.sql("select count(*) from trust_document where workspace_id = ?").param(lead.workspaceId()).query(Long.class).single())
                .isEqualTo(documentsBefore);

        assertThat(auditor.post(base + "/findings/" + majorId + "/close", "application/json", "").json().get("status").asString()).isEqualTo("closed");
        assertThat(complete(admin, base, Map.of("issuedOn", "2026-12-05"), REPORT).body()).contains("\"field\":\"confirm\"");
        assertThat(complete(admin, base, Map.of("issuedOn", "2026-12-05", "confirm", "true"), "not a pdf".getBytes(StandardCharsets.UTF_8)).body())
                .contains("\"field\":\"file\"");
        assertThat(complete(admin, base, Map.of("issuedOn", "2026-11-01", "confirm", "true"), REPORT).body()).contains("\"field\":\"issuedOn\"");

        Http.Response completed = complete(admin, base, Map.of("issuedOn", "2026-12-05", "confirm", "true"), REPORT);
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().get("audit").get("status").asString()).isEqualTo("completed");
        assertThat(completed.json().get("ledgerSeq").asLong()).isPositive();

        var draft = admin.get("/api/v1/trust-center/draft").json();
        assertThat(draft.get("certifications").toString())
                .contains("ISO/IEC 27001", "certified", "Certifier GmbH", "2026-01-01 to 2026-11-30");
        String document = completed.json().get("trustCenterDocument").asString();
        assertThat(draft.get("documents").toString()).contains(document);
        assertThat(jdbc.sql("select gated from trust_document where id = cast(? as uuid)").param(document).query(Boolean.class).single()).isTrue();

        // The audit is over, and so is its auditor's access.
        assertThat(auditor.get(base).status()).isEqualTo(403);
    }

    private Http.Response complete(Http admin, String base, Map<String, String> fields, byte[] pdf) {
        return admin.postMultipart(base + "/complete", fields, "report.pdf", pdf);
    }

}
