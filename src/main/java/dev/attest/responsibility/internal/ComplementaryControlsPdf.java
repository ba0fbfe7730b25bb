package dev.attest.responsibility.internal;

import dev.attest.responsibility.ComplementaryControls;
import dev.attest.web.PdfText;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.time.LocalDate;
import java.util.List;

/**
 * The complementary controls for the auditor as a PDF: per SOC 2 criterion, the complementary user
 * entity controls (what customers must do) and the complementary subservice organization controls
 * (what each provider must do), in the order of the criteria.
 */
final class ComplementaryControlsPdf {

    private static final float BODY = 9.5f;

    private ComplementaryControlsPdf() {
    }

    static byte[] render(String company, LocalDate asOf, List<ComplementaryControls> criteria) {
        try (PdfText pdf = new PdfText("Complementary user entity and subservice organization controls", PDRectangle.LETTER, 50, BODY,
                BODY * 1.45f)) {
            pdf.heading(15, "Complementary controls (SOC 2)");
            pdf.text(company + ", as of " + asOf + ". CUEC: what user entities (customers) must do. "
                    + "CSOC: what each subservice organization (provider) must do. Per Trust Services Criterion.");
            if (criteria.isEmpty()) {
                pdf.text("No control is carried by customers or providers: there are no complementary controls.");
            }
            for (ComplementaryControls criterion : criteria) {
                pdf.gap(6);
                pdf.heading(11.5f, criterion.criterion() + "  " + criterion.title());
                for (var cuec : criterion.userEntity()) {
                    pdf.text("CUEC " + cuec.control() + " (" + cuec.controlName() + "): " + cuec.guidance());
                }
                for (var csoc : criterion.subservice()) {
                    pdf.text("CSOC " + csoc.control() + ", " + csoc.provider() + ": " + csoc.duty()
                            + (csoc.reportOnFile() ? " (provider's report on file)" : ""));
                }
            }
            return pdf.bytes();
        }
    }
}
