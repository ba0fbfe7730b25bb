package dev.attest.monitoring;

/** Which findings to list; a null field does not filter. */
public record FindingFilter(String status, Severity severity, String checkKey, String owner, String controlKey) {

    /** The open findings, whatever their check, owner or control; risk-accepted ones are not open (status {@code accepted}). */
    public static FindingFilter open() {
        return new FindingFilter("open", null, null, null, null);
    }

    /** The open findings an approved, unexpired risk acceptance covers. */
    public static FindingFilter accepted() {
        return new FindingFilter("accepted", null, null, null, null);
    }

    /** The same filter narrowed to one severity. */
    public FindingFilter withSeverity(Severity only) {
        return new FindingFilter(status, only, checkKey, owner, controlKey);
    }

    /** The same filter narrowed to one owner's findings. */
    public FindingFilter withOwner(String email) {
        return new FindingFilter(status, severity, checkKey, email, controlKey);
    }
}
