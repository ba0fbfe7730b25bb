package dev.attest.people;

import java.util.List;

/**
 * What an import found (a preview) or did: the rows read, every error, and how many people were
 * saved (0 whenever there is an error: all rows or none).
 */
public record ImportResult(int rows, List<ImportError> errors, int saved) {

    public ImportResult {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
