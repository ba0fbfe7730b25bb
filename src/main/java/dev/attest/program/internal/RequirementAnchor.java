package dev.attest.program.internal;

/** The fragment id a framework page gives a requirement's row, so a search result can point at the row itself. */
final class RequirementAnchor {

    private RequirementAnchor() {
    }

    static String of(String ref) {
        return "req-" + ref.replace(' ', '-');
    }
}
