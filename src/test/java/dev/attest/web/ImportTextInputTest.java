package dev.attest.web;

import dev.attest.evidence.Multipart;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL character or half a surrogate pair in what an import reads (a CSV or JSON file sent as the body) or in
 * a multipart form (a field, a file's name) is refused with a 400 naming the field and the line, before any
 * module parses it, so nothing is saved and neither database sees it; a clean file still imports.
 */
@AttestTest
class ImportTextInputTest {

    @LocalServerPort
    int port;

    private Http admin() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private static String marker() {
        return "txt-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The 400 names field {@code file} and the line and column of the bad character. */
    private static void refusedAt(Http.Response response, String location) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.body()).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("file");
        assertThat(errors.get(0).get("message").asString()).isEqualTo(location + ": " + TextInput.PROBLEM);
    }

    @Test
    void aNulInARiskCsvNamesTheLineAndNothingIsImported() {
        String marker = marker();
        String csv = "title,description,category,owner,inherent_likelihood,inherent_impact,residual_likelihood,residual_impact,treatment,"
                + "acceptance_approver,acceptance_expires_on,controls,reviewed_on\n"
                + marker + " one,,Ops," + AttestTest.ADMIN_EMAIL + ",2,2,1,1,mitigate,,,,\n"
                + marker + " two,bad\u0000text,Ops," + AttestTest.ADMIN_EMAIL + ",2,2,1,1,mitigate,,,,\n";
        refusedAt(admin().post("/api/v1/risks/import", "text/csv", csv), "line 3, column 21");
        assertThat(admin().get("/api/v1/risks").body()).doesNotContain(marker);

        Http.Response clean = admin().post("/api/v1/risks/import", "text/csv", csv.replace("\u0000", ""));
        assertThat(clean.status()).as(clean.body()).isEqualTo(200);
        assertThat(admin().get("/api/v1/risks").body()).contains(marker + " two");
    }

    @Test
    void aNulInARosterCsvIsRefusedInPreviewAndImport() {
        String csv = "name,email\nAda " + marker() + ",ada@example.com\r\nBad\u0000Name,bad@example.com\n";
        refusedAt(admin().post("/api/v1/people/import?dryRun=true", "text/csv", csv), "line 3, column 4");
        refusedAt(admin().post("/api/v1/people/import", "text/csv", csv), "line 3, column 4");
    }

    @Test
    void aNulInAnAuditRequestListIsRefusedInPreviewAndImport() {
        Http.Response audit = admin().postJson("/api/v1/audits", """
                {"kind":"iso27001_surveillance","scope":["A.5.1"],"firm":"Certifier","leadAuditor":"Kim Ode",
                 "periodStart":"2026-01-01","periodEnd":"2026-11-30","fieldworkStart":"2026-12-14"}""");
        assertThat(audit.status()).as(audit.body()).isEqualTo(201);
        String id = audit.json().get("id").asString();
        String csv = "reference,request,control,due date,assignee\n\u0000REQ-9,Org chart,,2026-12-20,\n";
        refusedAt(admin().post("/api/v1/audits/" + id + "/requests/import/preview", "text/csv", csv), "line 2, column 1");
        refusedAt(admin().post("/api/v1/audits/" + id + "/requests/import", "text/csv", csv), "line 2, column 1");
        assertThat(admin().get("/api/v1/audits/" + id + "/requests").json().size()).isZero();
    }

    @Test
    void aNulInAnAccountListIsRefused() {
        Http.Response system = admin().postJson("/api/v1/access-reviews/systems",
                "{\"name\":\"Wiki " + marker() + "\",\"kind\":\"csv\",\"ownerEmail\":\"" + AttestTest.ADMIN_EMAIL + "\"}");
        assertThat(system.status()).as(system.body()).isEqualTo(201);
        String csv = "account_id,display_name,email,roles,privileged\na-1,Plain\u0000A,a@example.test,reader,no\n";
        refusedAt(admin().post("/api/v1/access-reviews/systems/" + system.json().get("id").asString() + "/accounts.csv", "text/csv", csv),
                "line 2, column 10");
    }

    @Test
    void aNulOrAnEscapedBadCharacterInAResourceImportIsRefused() {
        refusedAt(admin().post("/api/v1/resources/import?format=aws-iam-credential-report", "text/csv", "user,arn\nali\u0000ce,arn:x\n"),
                "line 2, column 4");
        refusedAt(admin().post("/api/v1/resources/import?format=json", "application/json",
                "[{\"type\":\"host.linux\",\"id\":\"a\",\"data\":{}},\n{\"type\":\"host.linux\",\"id\":\"b\u0000\",\"data\":{}}]"), "line 2, column 29");
        // Escaped in JSON, the characters only appear once parsed: the parser names where.
        for (String escaped : new String[]{"\\u0000", "\\ud800"}) {
            String id = marker();
            Http.Response refused = admin().post("/api/v1/resources/import?format=json", "application/json",
                    "[{\"type\":\"host.linux\",\"id\":\"" + id + "\",\"data\":{\"hostname\":\"x" + escaped + "\"}}]");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
            assertThat(refused.json().get("errors").get(0).get("message").asString()).startsWith("line 1, column ").contains(TextInput.PROBLEM);
            assertThat(admin().get("/api/v1/resources?type=host.linux&limit=1000").body()).doesNotContain(id);
        }
    }

    @Test
    void multipartFieldsAndFileNamesAreChecked() {
        String marker = marker();
        HttpResponse<String> badTitle = Multipart.post(port, AttestTest.ADMIN_TOKEN, "/api/v1/evidence",
                Map.of("title", marker + "\u0000", "controls", "PH-06"), "note.txt", "content".getBytes(StandardCharsets.UTF_8));
        assertThat(badTitle.statusCode()).as(badTitle.body()).isEqualTo(400);
        assertThat(badTitle.body()).contains("\"field\":\"title\"").contains(TextInput.PROBLEM);

        HttpResponse<String> badName = Multipart.post(port, AttestTest.ADMIN_TOKEN, "/api/v1/evidence",
                Map.of("title", marker, "controls", "PH-06"), "no\u0000te.txt", "content".getBytes(StandardCharsets.UTF_8));
        assertThat(badName.statusCode()).as(badName.body()).isEqualTo(400);
        assertThat(badName.body()).contains("\"field\":\"file\"").contains("its file name " + TextInput.PROBLEM);
        assertThat(admin().get("/api/v1/evidence").body()).doesNotContain(marker);

        // The file's own bytes are evidence, kept as sent, NULs and all.
        HttpResponse<String> binary = Multipart.post(port, AttestTest.ADMIN_TOKEN, "/api/v1/evidence",
                Map.of("title", marker, "controls", "PH-06"), "bytes.bin", new byte[]{0, 1, 0, 2});
        assertThat(binary.statusCode()).as(binary.body()).isEqualTo(201);
    }

    @Test
    void aNulInAnImportFormFieldIsRefused() {
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        Http.Response refused = admin.postForm("/risks/import", "/risks/import", Map.of("csv", "title\nA\u0000\n"), Map.of());
        assertThat(refused.status()).isEqualTo(400);
    }
}
