package dev.attest.monitoring.internal;

import java.time.Duration;

/** Durations written as whole numbers with units h, m, s or ms, e.g. {@code 2160h} or {@code 1h30m}; others are left to CEL. */
final class GoDuration {
    private GoDuration() {
    }

    static Duration parse(String s) {
        int n = s.length();
        if (n == 0 || n > 32) {
            return null;
        }
        Duration total = Duration.ZERO;
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start || i - start > 12) {
                return null;
            }
            long amount = Long.parseLong(s, start, i, 10);
            if (i + 1 < n && s.charAt(i) == 'm' && s.charAt(i + 1) == 's') {
                total = total.plusMillis(amount);
                i += 2;
            } else if (i < n && s.charAt(i) == 'h') {
                total = total.plusHours(amount);
                i++;
            } else if (i < n && s.charAt(i) == 'm') {
                total = total.plusMinutes(amount);
                i++;
            } else if (i < n && s.charAt(i) == 's') {
                total = total.plusSeconds(amount);
                i++;
            } else {
                return null;
            }
        }
        return total;
    }
}
