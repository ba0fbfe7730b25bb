package dev.attest.vendors;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The legal basis for moving personal data out of the EEA. */
public enum TransferMechanism {
    /** Standard contractual clauses. */
    SCCS,
    /** The EU-U.S. Data Privacy Framework. */
    DPF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return this == SCCS ? "Standard contractual clauses" : "EU-U.S. Data Privacy Framework";
    }

    public static Optional<TransferMechanism> fromWireName(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(TransferMechanism::wireName).toList());
    }
}
