package dev.attest.program.internal;

/**
 * One record found by the search: its kind, its id, the name a person knows it by, a line of detail and the
 * page that shows it.
 */
record SearchHit(SearchKind kind, String id, String title, String detail, String url) {
}
