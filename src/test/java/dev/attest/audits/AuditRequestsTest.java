package dev.attest.audits;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An audit's request list: raised, generated per control, imported from the auditor's CSV, and worked through its loop. */
@AttestTest
class AuditRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http admin() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    /** An ISO 27001 audit whose scope is A.5.1 alone (controls GR-01 and PS-09). */
    String isoAudit() {
        Http.Response created = admin().postJson("/api/v1/audits", """
                {"kind":"iso27001_surveillance","scope":["A.5.1"],"firm":"Certifier","leadAuditor":"Kim Ode",
                 "periodStart":"2026-01-01","periodEnd":"2026-11-30","fieldworkStart":"2026-12-14"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void requestsAreRaisedByHandOrPerControlInScopeAndAControlOutsideTheScopeIsRefused() {
        String audit = isoAudit();
        Http.Response free = admin().postJson("/api/v1/audits/" + audit + "/requests",
                "{\"request\":\"Organisation chart as of the period end\",\"dueOn\":\"2026-12-20\",\"assignee\":\"admin@localhost\"}");
        assertThat(free.status()).as(free.body()).isEqualTo(201);
        assertThat(free.json().get("reference").asString()).isEqualTo("REQ-001");
        assertThat(free.json().get("status").asString()).isEqualTo("open");

        Http.Response outside = admin().postJson("/api/v1/audits/" + audit + "/requests", "{\"request\":\"MFA settings\",\"control\":\"AC-01\"}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("control");

        var generated = admin().post("/api/v1/audits/" + audit + "/requests/generate", "application/json", "").json();
        assertThat(generated.size()).isEqualTo(2);
        assertThat(generated.toString()).contains("C-GR-01", "C-PS-09", "2026-12-14");
        // Generating again adds nothing: every control in scope has its request.
        assertThat(admin().post("/api/v1/audits/" + audit + "/requests/generate", "application/json", "").json().size()).isZero();
        assertThat(admin().get("/api/v1/audits/" + audit + "/requests").json().size()).isEqualTo(3);
    }

    @Test
    void aCsvWithBadRowsIsPreviewedNamingRowAndColumnAndNothingIsSaved() {
        String audit = isoAudit();
        String csv = """
                Reference,Request,Control,Due date,Assignee
                PBC-1,Information security policy approved by management,GR-01,2026-12-20,admin@localhost
                PBC-2,Policy review minutes,GR-01,20 December,admin@localhost
                PBC-3,Access review for the production database,AC-01,2026-12-20,
                PBC-4,,,2026-12-20,
                """;
        Http.Response preview = admin().post("/api/v1/audits/" + audit + "/requests/import/preview", "text/csv", csv);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("valid").asBoolean()).isFalse();
        assertThat(preview.json().get("errors").toString())
                .contains("\"row\":3", "\"column\":\"due date\"", "\"row\":4", "\"column\":\"control\"", "\"row\":5", "\"column\":\"request\"");

        Http.Response refused = admin().post("/api/v1/audits/" + audit + "/requests/import", "text/csv", csv);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_request where audit_id = cast(? as uuid)").param(audit).query(Long.class).single()).isZero();

        String good = csv.lines().limit(2).reduce("", (a, b) -> a + b + "\n");
        Http.Response imported = admin().post("/api/v1/audits/" + audit + "/requests/import", "text/csv", good);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Http.Response export = admin().get("/api/v1/audits/" + audit + "/requests/export");
        assertThat(export.body()).startsWith("reference,request,control,due date,assignee,status,evidence")
                .contains("PBC-1,Information security policy approved by management,GR-01,2026-12-20,admin@localhost,open");
    }

    @Test
    void aRequestGoesThroughSubmitFlagResubmitAcceptWithEvidenceAttachedByItsLedgerEntry() {
        String audit = isoAudit();
        String request = admin().postJson("/api/v1/audits/" + audit + "/requests", "{\"request\":\"Security policy\",\"control\":\"GR-01\"}")
                .json().get("id").asString();
        String base = "/api/v1/audits/" + audit + "/requests/" + request;

        Http.Response uploaded = admin().postMultipart(base + "/evidence", Map.of("title", "Security policy v3"), "policy.pdf",
                "%PDF-1.4 policy".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        var attached = uploaded.json().get("evidence").get(0);
        assertThat(attached.get("ledgerSeq").asLong()).isPositive();
        assertThat(attached.get("sha256").asString()).hasSize(64);

        // The auditor flags (with a comment) and accepts; the client submits. Neither does the other's part.
        ExtraAccounts.Account auditorAccount = ExtraAccounts.inDefaultWorkspace(jdbc, "auditor");
        admin().postJson("/api/v1/audits/" + audit + "/auditors",
                "{\"email\":\"" + auditorAccount.email() + "\",\"accessEndsOn\":\"" + LocalDate.now().plusDays(30) + "\"}");
        Http auditor = Http.withToken(port, auditorAccount.token());
        assertThat(auditor.postJson(base + "/status", "{\"action\":\"submit\"}").status()).isEqualTo(403);
        assertThat(admin().postJson(base + "/status", "{\"action\":\"submit\"}").json().get("status").asString()).isEqualTo("submitted");
        Http.Response noComment = auditor.postJson(base + "/status", "{\"action\":\"flag\"}");
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        var flagged = auditor.postJson(base + "/status", "{\"action\":\"flag\",\"comment\":\"The approval page is missing\"}").json();
        assertThat(flagged.get("status").asString()).isEqualTo("flagged");
        assertThat(flagged.get("comment").asString()).isEqualTo("The approval page is missing");
        assertThat(admin().postJson(base + "/status", "{\"action\":\"submit\"}").json().get("status").asString()).isEqualTo("resubmitted");
        assertThat(auditor.postJson(base + "/status", "{\"action\":\"accept\"}").json().get("status").asString()).isEqualTo("accepted");
        assertThat(auditor.postJson(base + "/status", "{\"action\":\"flag\",\"comment\":\"again\"}").status()).isEqualTo(400);

        // The auditor downloads the attached evidence through the audit, and that is on the trail.
        Http.Response download = auditor.get("/api/v1/audits/" + audit + "/evidence/" + attached.get("evidenceId").asString() + "/content");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("%PDF-1.4 policy");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'audits.opened' and summary like '%downloaded'")
                .query(Long.class).single()).isPositive();
    }
}
