package dev.attest.privacy.internal;

import dev.attest.privacy.ProcessingRecord;
import dev.attest.web.PdfText;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.time.LocalDate;
import java.util.List;

/** The records of processing as a PDF document: one section per activity, text wrapped to the page. */
final class ProcessingRecordsPdf {

    private static final float LEADING = 14;

    private ProcessingRecordsPdf() {
    }

    static byte[] render(String workspace, LocalDate asOf, List<ProcessingRecord> records) {
        try (PdfText pdf = new PdfText("Records of processing activities", PDRectangle.A4, 56, 10, LEADING)) {
            pdf.heading(16, "Records of processing activities");
            pdf.text("Kept under Article 30 of the GDPR by " + workspace + ", as of " + asOf + ".");
            if (records.isEmpty()) {
                pdf.text("No processing activity recorded.");
            }
            int n = 1;
            for (ProcessingRecord r : records) {
                pdf.gap(LEADING / 2);
                pdf.heading(12, n++ + ". " + r.name());
                field(pdf, "Purpose", r.purpose());
                field(pdf, "Legal basis", r.legalBasis());
                field(pdf, "Categories of data subjects", r.dataSubjects());
                field(pdf, "Categories of personal data", r.dataCategories());
                field(pdf, "Recipients", r.recipients());
                field(pdf, "Transfers to third countries", r.transfers() == null ? "none" : r.transfers() + " (mechanism: " + r.transferMechanism() + ")");
                field(pdf, "Retention", r.retention());
                field(pdf, "Security measures", (r.securityMeasures() == null ? "" : r.securityMeasures())
                        + (r.controlKeys().isEmpty() ? "" : " (controls " + String.join(", ", r.controlKeys()) + ")"));
            }
            return pdf.bytes();
        }
    }

    private static void field(PdfText pdf, String label, String value) {
        pdf.text(label + ": " + (value == null || value.isBlank() ? "-" : value));
    }
}
