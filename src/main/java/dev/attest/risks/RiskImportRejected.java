package dev.attest.risks;

import java.util.List;

/** A CSV import refused as a whole: nothing was saved. Each error names the row (the header is row 1) and the column. */
public class RiskImportRejected extends RuntimeException {

    /** One problem in the file. */
    public record RowError(int row, String field, String message) {
    }

    private final List<RowError> errors;

    public RiskImportRejected(List<RowError> errors) {
        super(errors.size() + " problems in the CSV file; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
