package dev.attest.audits;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Changes one Annex A control in the draft Statement of Applicability. An exclusion needs a
 * justification; the implementation status and controls are kept when left out.
 *
 * @param implementation not_started, in_progress, implemented or not_applicable
 */
public record EditSoaEntry(@NotNull(message = "is required") Boolean applicable, @Size(max = 4000) String justification, String implementation,
                           List<String> controls) {
}
