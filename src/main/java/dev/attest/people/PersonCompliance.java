package dev.attest.people;

/**
 * A person with how many of their onboarding and offboarding items are done, due and overdue, counted in the
 * database by the same rules {@link PersonStatus} applies to the items one by one.
 */
public record PersonCompliance(Person person, long done, long due, long overdue) {

    /** Everything done: nothing due, nothing overdue. */
    public boolean fullyCompliant() {
        return due == 0 && overdue == 0;
    }

    /** {@code compliant}, {@code overdue} or {@code due}: the roster's filter values and the badge shown. */
    public String state() {
        return fullyCompliant() ? "compliant" : overdue > 0 ? "overdue" : "due";
    }
}
