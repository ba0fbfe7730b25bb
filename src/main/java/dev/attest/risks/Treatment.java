package dev.attest.risks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a risk is handled: reduced by controls, accepted (with approver and expiry), transferred or avoided. */
public enum Treatment {
    MITIGATE, ACCEPT, TRANSFER, AVOID;

    /** The spelling stored and sent, e.g. {@code mitigate}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Treatment> fromWireName(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equalsIgnoreCase(value == null ? "" : value.strip())).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(Treatment::wireName).toList());
    }
}
