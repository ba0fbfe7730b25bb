package dev.attest.people;

/** One problem of a CSV import: the row (the header is row 1), the field and what is wrong. */
public record ImportError(int row, String field, String message) {
}
