package dev.attest.audits;

import java.util.List;

/**
 * One Annex A control in the Statement of Applicability.
 *
 * @param implementation the implementation status drawn from the workspace's controls, e.g. {@code implemented}
 * @param controls       the Attest controls that implement it
 */
public record SoaEntry(String ref, String title, boolean applicable, String justification, String implementation, List<String> controls) {

    public SoaEntry {
        controls = List.copyOf(controls);
    }
}
