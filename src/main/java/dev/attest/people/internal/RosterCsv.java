package dev.attest.people.internal;

import dev.attest.people.ImportError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The roster CSV: a header row naming the columns below (any order; name and email required),
 * one person per row, required policies separated by semicolons.
 */
public final class RosterCsv {

    /** CSV column for each field of {@link PersonForm}. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("name", "name");
        COLUMNS.put("email", "email");
        COLUMNS.put("title", "title");
        COLUMNS.put("department", "department");
        COLUMNS.put("managerEmail", "manager_email");
        COLUMNS.put("employmentType", "employment_type");
        COLUMNS.put("startDate", "start_date");
        COLUMNS.put("endDate", "end_date");
        COLUMNS.put("requiredPolicies", "required_policies");
    }

    public static final int MAX_ROWS = 50_000;

    private RosterCsv() {
    }

    public record Parsed(List<PersonForm> rows, List<ImportError> errors) {
    }

    /** The CSV column name of a field. */
    public static String column(String field) {
        return COLUMNS.getOrDefault(field, field);
    }

    public static String header() {
        return String.join(",", COLUMNS.values());
    }

    public static Parsed parse(String csv) {
        List<ImportError> errors = new ArrayList<>();
        List<PersonForm> rows = new ArrayList<>();
        if (csv == null || csv.isBlank()) {
            errors.add(new ImportError(1, "header", "the file is empty; the first row names the columns: " + header()));
            return new Parsed(rows, errors);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            for (String h : header) {
                if (!COLUMNS.containsValue(h)) {
                    errors.add(new ImportError(1, h, "is not a known column; columns are " + header()));
                }
            }
            for (String required : List.of("name", "email")) {
                if (!header.contains(required)) {
                    errors.add(new ImportError(1, required, "column is missing"));
                }
            }
            if (!errors.isEmpty()) {
                return new Parsed(rows, errors);
            }
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.put(header.get(i), i);
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    errors.add(new ImportError(rows.size() + 2, "rows", "a file may hold at most " + MAX_ROWS + " people"));
                    break;
                }
                if (record.size() != header.size()) {
                    errors.add(new ImportError(rows.size() + 2, "row", "has " + record.size() + " values for " + header.size() + " columns"));
                }
                String policies = value(record, index, "required_policies");
                rows.add(new PersonForm(value(record, index, "name"), value(record, index, "email"), value(record, index, "title"),
                        value(record, index, "department"), value(record, index, "manager_email"),
                        value(record, index, "employment_type"), value(record, index, "start_date"), value(record, index, "end_date"),
                        policies == null || policies.isBlank() ? List.of()
                                : Arrays.stream(policies.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
            }
        } catch (IOException e) {
            // A malformed header (a stray quote) fails while the parser opens, before any row.
            errors.add(new ImportError(1, "header", "is not valid CSV: " + e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            errors.add(new ImportError(rows.size() + 2, "row", "is not valid CSV: " + e.getMessage()));
        }
        return new Parsed(rows, errors);
    }

    private static String value(CSVRecord record, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null || i >= record.size() ? null : record.get(i);
    }
}
