package dev.attest.risks.internal;

import dev.attest.risks.Risk;
import dev.attest.risks.RiskImportRejected;
import dev.attest.risks.RiskImportRejected.RowError;
import dev.attest.risks.RiskInput;
import dev.attest.web.CsvWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The register's CSV format, one risk a row. Export and import use the same columns, so an exported
 * file edited in a spreadsheet imports back (rows with an id update that risk, rows without create one).
 */
public final class RiskCsv {

    /** The columns, in order. Controls are separated by semicolons or spaces. */
    public static final List<String> COLUMNS = List.of("id", "title", "description", "category", "owner",
            "inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact", "treatment",
            "acceptance_approver", "acceptance_expires_on", "controls", "reviewed_on");

    private static final Set<String> REQUIRED = Set.of("title", "category", "owner", "inherent_likelihood", "inherent_impact",
            "residual_likelihood", "residual_impact", "treatment");

    /** One data row: its row number in the file (the header is row 1), the id cell, and the risk it describes. */
    public record Row(int row, String id, RiskInput input) {
    }

    private RiskCsv() {
    }

    /** Reads the file; a missing or unknown column, or a malformed file, refuses it whole. */
    public static List<Row> read(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<String> header = parser.getHeaderNames();
            List<RowError> errors = new ArrayList<>();
            for (String column : REQUIRED) {
                if (!header.contains(column)) {
                    errors.add(new RowError(1, column, "the header has no column " + column));
                }
            }
            for (String column : header) {
                if (!COLUMNS.contains(column)) {
                    errors.add(new RowError(1, column, "unknown column (allowed: " + String.join(", ", COLUMNS) + ")"));
                }
            }
            if (!errors.isEmpty()) {
                throw new RiskImportRejected(errors);
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> cells = record.toMap();
                int row = (int) record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    errors.add(new RowError(row, "row", "has " + record.size() + " cells, the header has " + header.size()));
                    continue;
                }
                rows.add(new Row(row, blank(cells.get("id")), new RiskInput(cell(cells, "title"), cell(cells, "description"),
                        cell(cells, "category"), cell(cells, "owner"), cell(cells, "inherent_likelihood"), cell(cells, "inherent_impact"),
                        cell(cells, "residual_likelihood"), cell(cells, "residual_impact"), cell(cells, "treatment"),
                        cell(cells, "acceptance_approver"), cell(cells, "acceptance_expires_on"),
                        controls(cell(cells, "controls")), cell(cells, "reviewed_on"))));
            }
            if (!errors.isEmpty()) {
                throw new RiskImportRejected(errors);
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new RiskImportRejected(List.of(new RowError(1, "file", "is not a readable CSV file: " + e.getMessage())));
        }
    }

    private static List<String> controls(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split("[;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String cell(Map<String, String> cells, String column) {
        return CsvWriter.unguarded(blank(cells.get(column)));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static String write(List<Risk> risks) {
        StringBuilder out = new StringBuilder();
        CsvWriter csv = new CsvWriter(out).row(COLUMNS.toArray());
        for (Risk r : risks) {
            csv.row(r.id(), r.title(), r.description(), r.category(), r.owner(),
                    r.inherentLikelihood(), r.inherentImpact(), r.residualLikelihood(), r.residualImpact(),
                    r.treatment().wireName(), r.acceptanceApprover(), r.acceptanceExpiresOn(),
                    String.join(";", r.controls()), r.reviewedOn());
        }
        return out.toString();
    }
}
