package dev.attest.audits;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request lists as auditors send them in Excel: a workbook's first sheet is previewed naming row and column,
 * imported whole or not at all, and the list comes back as a workbook.
 */
@AttestTest
class AuditRequestWorkbookTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

    /** A workbook as an auditor's spreadsheet has it: a title-less header row, a real date cell in the first request. */
    private static byte[] workbook(boolean withBadRows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("PBC list");
            String[] header = {"Reference", "Request", "Control", "Due date", "Assignee"};
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("PBC-1");
            first.createCell(1).setCellValue("Information security policy approved by management");
            first.createCell(2).setCellValue("GR-01");
            first.createCell(3).setCellValue(LocalDate.of(2026, 12, 20));
            first.getCell(3).setCellStyle(date);
            first.createCell(4).setCellValue("admin@localhost");
            if (withBadRows) {
                Row second = sheet.createRow(2);
                second.createCell(0).setCellValue("PBC-2");
                second.createCell(1).setCellValue("Policy review minutes");
                second.createCell(2).setCellValue("GR-01");
                second.createCell(3).setCellValue("20 December");
                Row third = sheet.createRow(3);
                third.createCell(0).setCellValue("PBC-3");
                third.createCell(1).setCellValue("Access review for the production database");
                third.createCell(2).setCellValue("AC-01");
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aWorkbookWithBadRowsIsPreviewedNamingRowAndColumnAndAGoodOneImportsAndExports() throws IOException {
        String audit = isoAudit();
        String base = "/api/v1/audits/" + audit + "/requests";
        Http.Response preview = admin().post(base + "/import/preview", XLSX, workbook(true));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("valid").asBoolean()).isFalse();
        assertThat(preview.json().get("errors").toString()).contains("\"row\":3", "\"column\":\"due date\"", "\"row\":4", "\"column\":\"control\"");

        Http.Response refused = admin().post(base + "/import", XLSX, workbook(true));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from audit_request where audit_id = cast(? as uuid)").param(audit).query(Long.class).single()).isZero();

        Http.Response good = admin().post(base + "/import/preview", XLSX, workbook(false));
        assertThat(good.json().get("valid").asBoolean()).as(good.body()).isTrue();
        assertThat(good.json().get("requests").get(0).get("dueOn").asString()).as("a date cell is read as its date").isEqualTo("2026-12-20");
        Http.Response imported = admin().post(base + "/import", XLSX, workbook(false));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(admin().getBytes(base + "/export.xlsx")))) {
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.getStringCellValue()));
                rows.add(cells);
            }
        }
        assertThat(rows.get(0)).containsExactly("reference", "request", "control", "due date", "assignee", "status", "evidence");
        assertThat(rows.get(1)).startsWith("PBC-1", "Information security policy approved by management", "GR-01", "2026-12-20",
                "admin@localhost", "open");
    }

    @Test
    void aFileThatIsNotAWorkbookIsNamed() {
        String audit = isoAudit();
        Http.Response refused = admin().post("/api/v1/audits/" + audit + "/requests/import", XLSX, "reference,request\n".getBytes());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"column\":\"file\"").contains("is not a readable Excel workbook");
    }
}
