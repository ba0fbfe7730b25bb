package dev.attest.catalog;

/** How often a control is suggested to operate or be tested. */
public enum Frequency {
    CONTINUOUS, DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL, ON_EVENT;

    /** The spelling used in catalog files and the API, e.g. {@code on_event}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
