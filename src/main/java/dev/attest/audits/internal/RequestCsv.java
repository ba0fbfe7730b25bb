package dev.attest.audits.internal;

import dev.attest.audits.RaiseRequest;
import dev.attest.audits.AuditRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request lists as auditors send them: columns reference, request, control, due date, assignee
 * (any order, header names case-insensitive, "due_date" accepted too). Reading names every bad
 * cell by row (the header is row 1) and column; writing guards cells against spreadsheet formulas.
 */
final class RequestCsv {

    static final List<String> COLUMNS = List.of("reference", "request", "control", "due date", "assignee");

    /** One cell that cannot be accepted. */
    record CellError(int row, String column, String message) {
    }

    /** A row read from the file, its cells still to be checked against the audit. */
    record Line(int row, String reference, String request, String control, String dueDate, String assignee) {

        RaiseRequest command(List<CellError> errors) {
            LocalDate due = null;
            if (dueDate != null) {
                try {
                    due = LocalDate.parse(dueDate);
                } catch (DateTimeParseException e) {
                    errors.add(new CellError(row, "due date", "must be a date such as 2027-01-31"));
                }
            }
            return new RaiseRequest(reference, request, control, assignee, due);
        }
    }

    /** Thrown when a file is refused: every bad cell, nothing saved. */
    static class Rejected extends RuntimeException {

        private final List<CellError> errors;

        Rejected(List<CellError> errors) {
            super(errors.size() + " problem(s) in the request list: " + errors.get(0).column() + " in row " + errors.get(0).row()
                    + " " + errors.get(0).message());
            this.errors = List.copyOf(errors);
        }

        List<CellError> errors() {
            return errors;
        }
    }

    private RequestCsv() {
    }

    static List<Line> read(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();
        String body = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Cells> rows = new ArrayList<>();
        List<String> names;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            names = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                rows.add(new Cells((int) record.getRecordNumber() + 1, record.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new Rejected(List.of(new CellError(1, "file", "is not a readable CSV file: " + e.getMessage())));
        }
        return lines(names, rows);
    }

    /** One row of a request list: its number in the file (the header is row 1) and its cells, left to right. */
    record Cells(int row, List<String> values) {
    }

    /** The header's columns and the rows under it, from a CSV file or a workbook's first sheet; every bad cell named. */
    static List<Line> lines(List<String> names, List<Cells> rows) {
        List<CellError> errors = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> header = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT).replace('_', ' ');
            if (!COLUMNS.contains(name)) {
                errors.add(new CellError(1, names.get(i), "unknown column (expected: " + String.join(", ", COLUMNS) + ")"));
            }
            header.put(name, i);
        }
        if (!header.containsKey("request")) {
            errors.add(new CellError(1, "request", "the header has no column request"));
        }
        if (!errors.isEmpty()) {
            throw new Rejected(errors);
        }
        for (Cells record : rows) {
            if (record.values().size() > names.size()) {
                errors.add(new CellError(record.row(), "row", "has " + record.values().size() + " cells, the header has " + names.size()));
                continue;
            }
            lines.add(new Line(record.row(), cell(record, header, "reference"), cell(record, header, "request"), cell(record, header, "control"),
                    cell(record, header, "due date"), cell(record, header, "assignee")));
        }
        if (!errors.isEmpty()) {
            throw new Rejected(errors);
        }
        if (lines.isEmpty()) {
            throw new Rejected(List.of(new CellError(2, "request", "the file has no requests")));
        }
        return lines;
    }

    private static String cell(Cells record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null || index >= record.values().size()) {
            return null;
        }
        String value = record.values().get(index);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static final List<String> EXPORT_COLUMNS = List.of("reference", "request", "control", "due date", "assignee", "status", "evidence");

    /** A request as the export's row, unguarded: the CSV writer guards formulas, a workbook stores text cells. */
    static List<String> exportRow(AuditRequest r) {
        return List.of(nonNull(r.reference()), nonNull(r.request()), nonNull(r.control()), r.dueOn() == null ? "" : r.dueOn().toString(),
                nonNull(r.assignee()), r.status().wireName(), String.join(" ", r.evidence().stream().map(e -> "ledger:" + e.ledgerSeq()).toList()));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    static String write(List<AuditRequest> requests) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(EXPORT_COLUMNS);
            for (AuditRequest r : requests) {
                printer.printRecord(exportRow(r).stream().map(RequestCsv::guard).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell a spreadsheet would run as a formula is written with a leading apostrophe. */
    static String guard(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
