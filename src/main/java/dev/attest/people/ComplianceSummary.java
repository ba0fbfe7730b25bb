package dev.attest.people;

/**
 * The roster's compliance in three figures, counted in the database as the people list counts it.
 *
 * @param people      everyone in the roster
 * @param compliant   people with every item done
 * @param withOverdue people with at least one item overdue
 */
public record ComplianceSummary(int people, int compliant, int withOverdue) {

    /** The share fully compliant in whole percent; an empty roster is 100. */
    public int percent() {
        return people == 0 ? 100 : (int) Math.floor(100.0 * compliant / people);
    }
}
