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
 * @param citation            the other form under which the publisher cites it, or null: a HIPAA
 *                            standard whose implementation specifications are numbered (ii) is
 *                            cited by HHS with (i), e.g. 164.308(a)(1)(i) for 164.308(a)(1)
 */
public record Requirement(String framework, String ref, String title, String summary, String parent,
                          boolean group, String category, String specification, boolean serviceProviderOnly,
                          List<ControlKey> controls, String noControlReason, String citation) {

    public Requirement {
        controls = List.copyOf(controls);
    }

    /** A requirement cited only by its ref. */
    public Requirement(String framework, String ref, String title, String summary, String parent,
                       boolean group, String category, String specification, boolean serviceProviderOnly,
                       List<ControlKey> controls, String noControlReason) {
        this(framework, ref, title, summary, parent, group, category, specification, serviceProviderOnly, controls,
                noControlReason, null);
    }

    /** Whether the text names this requirement, by its ref or by its other citation. */
    public boolean citedAs(String text) {
        return ref.equals(text) || (citation != null && citation.equals(text));
    }

    /** A copy that also answers to the given citation. */
    public Requirement withCitation(String other) {
        return new Requirement(framework, ref, title, summary, parent, group, category, specification, serviceProviderOnly,
                controls, noControlReason, other);
    }

    /** A copy mapped to these controls, or to none with the reason (null for none). */
    public Requirement withMapping(List<ControlKey> mappedControls, String reason) {
        return new Requirement(framework, ref, title, summary, parent, group, category, specification, serviceProviderOnly,
                mappedControls, reason, citation);
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
