package dev.attest.audits;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** What sort of examination an audit is, and which framework it belongs to. */
public enum AuditKind {
    SOC2_TYPE1("soc2"), SOC2_TYPE2("soc2"),
    ISO27001_STAGE1("iso27001"), ISO27001_STAGE2("iso27001"), ISO27001_SURVEILLANCE("iso27001"), ISO27001_RECERTIFICATION("iso27001"),
    HIPAA_ASSESSMENT("hipaa"),
    PCI_DSS_ROC("pci-dss"), PCI_DSS_SAQ("pci-dss");

    private final String framework;

    AuditKind(String framework) {
        this.framework = framework;
    }

    /** The catalog framework the kind examines, e.g. {@code soc2}. */
    public String framework() {
        return framework;
    }

    /** Whether the period is one day: a Type I report speaks of the design at one date. */
    public boolean pointInTime() {
        return this == SOC2_TYPE1;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this wire name; an unknown one is refused while reading the request (400 naming the field). */
    @JsonCreator
    public static AuditKind of(String value) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + allowed()));
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(AuditKind::wireName).toList());
    }
}
