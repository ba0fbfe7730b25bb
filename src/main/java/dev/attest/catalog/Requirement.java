package dev.attest.catalog;

import java.util.List;

/**
 * A requirement of a framework under its official identifier. A group is a heading (a SOC 2
 * series, an ISO theme) that is not assessed itself. An assessed requirement is satisfied through
 * the controls mapped to it, or carries the reason why no control covers it.
 *
 * @param category            the scoping category (SOC 2), or null
 * @param specification       {@code required} or {@code addressable} (HIPAA), or null
 * @param serviceProviderOnly whether it binds service providers only (PCI DSS)
 */
public record Requirement(String framework, String ref, String title, String summary, String parent,
                          boolean group, String category, String specification, boolean serviceProviderOnly,
                          List<ControlKey> controls, String noControlReason) {

    public Requirement {
        controls = List.copyOf(controls);
    }

    /** Whether it is assessed (not a heading). */
    public boolean assessed() {
        return !group;
    }

    /** Whether controls of the library, or an explicit reason, account for it. */
    public boolean covered() {
        return !controls.isEmpty();
    }

    public RequirementRef toRef() {
        return new RequirementRef(framework, ref);
    }
}
