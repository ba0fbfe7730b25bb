package dev.attest.audits.internal;

import dev.attest.audits.AuditRequest;
import dev.attest.web.TextInput;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Request lists as Excel workbooks (.xlsx), the form auditors most often send them in: the first sheet, a
 * header row naming the columns as in {@link RequestCsv}, one request a row. Read to the same lines as a
 * CSV file, so a bad cell is named by row (the header is row 1) and column the same way; date cells become
 * ISO dates. Written with every cell as text, which a spreadsheet never runs as a formula.
 */
final class RequestXlsx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private RequestXlsx() {
    }

    static List<RequestCsv.Line> read(byte[] workbook) {
        if (workbook == null || workbook.length == 0) {
            throw new RequestCsv.Rejected(List.of(new RequestCsv.CellError(1, "file", "is empty: send the request list as an .xlsx workbook")));
        }
        List<String> names = new ArrayList<>();
        List<RequestCsv.Cells> rows = new ArrayList<>();
        List<RequestCsv.CellError> errors = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            if (book.getNumberOfSheets() == 0) {
                throw new RequestCsv.Rejected(List.of(new RequestCsv.CellError(1, "file", "the workbook has no sheet")));
            }
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            boolean headerRead = false;
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    values.add(text(row.getCell(c), formatter));
                }
                while (!values.isEmpty() && (values.get(values.size() - 1) == null || values.get(values.size() - 1).isBlank())) {
                    values.remove(values.size() - 1);
                }
                if (values.isEmpty()) {
                    continue;
                }
                int number = row.getRowNum() + 1;
                if (!headerRead) {
                    names.addAll(values.stream().map(v -> v == null ? "" : v).toList());
                    headerRead = true;
                    continue;
                }
                for (int c = 0; c < values.size(); c++) {
                    if (values.get(c) != null && TextInput.badCharacterAt(values.get(c)) >= 0) {
                        errors.add(new RequestCsv.CellError(number, c < names.size() ? names.get(c) : "column " + (c + 1), TextInput.PROBLEM));
                    }
                }
                rows.add(new RequestCsv.Cells(number, values));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RequestCsv.Rejected rejected) {
                throw rejected;
            }
            throw new RequestCsv.Rejected(List.of(new RequestCsv.CellError(1, "file", "is not a readable Excel workbook (.xlsx): "
                    + e.getClass().getSimpleName())));
        }
        if (!errors.isEmpty()) {
            throw new RequestCsv.Rejected(errors);
        }
        if (names.isEmpty()) {
            throw new RequestCsv.Rejected(List.of(new RequestCsv.CellError(1, "request", "the first sheet is empty: its first row names the columns")));
        }
        return RequestCsv.lines(names, rows);
    }

    /** A cell as text: dates as ISO dates, numbers as shown, formulas by their cached value. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return formatter.formatCellValue(cell);
    }

    static byte[] write(List<AuditRequest> requests) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Requests");
            Row header = sheet.createRow(0);
            for (int c = 0; c < RequestCsv.EXPORT_COLUMNS.size(); c++) {
                header.createCell(c, CellType.STRING).setCellValue(RequestCsv.EXPORT_COLUMNS.get(c));
            }
            int r = 1;
            for (AuditRequest request : requests) {
                Row row = sheet.createRow(r++);
                List<String> values = RequestCsv.exportRow(request);
                for (int c = 0; c < values.size(); c++) {
                    row.createCell(c, CellType.STRING).setCellValue(values.get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
