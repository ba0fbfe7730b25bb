package dev.attest.obligations;

import java.util.Arrays;
import java.util.Optional;

/** The recurring duties a workspace can schedule, each with its usual interval. */
public enum DutyKind {
    ACCESS_REVIEW("access-review", "Quarterly access review", 3),
    PENETRATION_TEST("penetration-test", "Yearly penetration test", 12),
    BCP_DR_TEST("bcp-dr-test", "Yearly business continuity and disaster recovery test", 12),
    INCIDENT_RESPONSE_EXERCISE("incident-response-exercise", "Yearly incident-response exercise", 12),
    SECURITY_TRAINING("security-training", "Yearly security awareness training", 12);

    private final String wireName;
    private final String title;
    private final int months;

    DutyKind(String wireName, String title, int months) {
        this.wireName = wireName;
        this.title = title;
        this.months = months;
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    /** Months between two occurrences. */
    public int months() {
        return months;
    }

    public static Optional<DutyKind> fromWireName(String value) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(value)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(DutyKind::wireName).toList());
    }
}
