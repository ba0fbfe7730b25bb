package dev.attest.monitoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How bad a failing check is; it sets how soon its finding is due. */
public enum Severity {
    CRITICAL(7), HIGH(30), MEDIUM(90), LOW(180);

    private final int dueDays;

    Severity(int dueDays) {
        this.dueDays = dueDays;
    }

    /** Days from opening a finding to its due date. */
    public int dueDays() {
        return dueDays;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(Severity::wireName).toList());
    }
}
