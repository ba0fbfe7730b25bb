package dev.attest.audits;

import dev.attest.web.JsonWireName;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;

/** What sort of examination an audit is, and which framework it belongs to. */
@RequiredArgsConstructor
public enum AuditKind implements JsonWireName {
    SOC2_TYPE1("soc2"), SOC2_TYPE2("soc2"),
    ISO27001_STAGE1("iso27001"), ISO27001_STAGE2("iso27001"), ISO27001_SURVEILLANCE("iso27001"), ISO27001_RECERTIFICATION("iso27001"),
    HIPAA_ASSESSMENT("hipaa"),
    PCI_DSS_ROC("pci-dss"), PCI_DSS_SAQ("pci-dss");

    private final String framework;

    /** The catalog framework the kind examines, e.g. {@code soc2}. */
    public String framework() {
        return framework;
    }

    /** Whether the period is one day: a Type I report speaks of the design at one date. */
    public boolean pointInTime() {
        return this == SOC2_TYPE1;
    }

    public static String allowed() {
        return WireName.allowed(AuditKind.class);
    }
}
