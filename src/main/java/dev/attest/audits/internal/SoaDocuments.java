package dev.attest.audits.internal;

import dev.attest.audits.SoaEntry;
import dev.attest.audits.SoaVersion;
import dev.attest.web.PdfText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The Statement of Applicability as the CSV and PDF an auditor receives. */
final class SoaDocuments {

    private static final float SIZE = 8.5f;
    private static final float LEADING = 11;

    private SoaDocuments() {
    }

    /** The name a version's file is saved under, e.g. {@code statement-of-applicability-v2.pdf}. */
    static String fileName(String version, String extension) {
        return "statement-of-applicability-v" + version + "." + extension;
    }

    static String csv(SoaVersion soa) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("control", "title", "applicable", "justification", "implementation", "attest controls");
            for (SoaEntry e : soa.entries()) {
                printer.printRecord(e.ref(), RequestCsv.guard(e.title()), e.applicable() ? "yes" : "no", RequestCsv.guard(e.justification()),
                        e.implementation(), String.join(" ", e.controls()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static byte[] pdf(String workspace, SoaVersion soa) {
        try (PdfText pdf = new PdfText("Statement of Applicability, version " + soa.version(), PDRectangle.A4, 40, SIZE, LEADING)) {
            pdf.heading(15, "Statement of Applicability (ISO/IEC 27001:2022 Annex A)");
            pdf.text(workspace + ", version " + soa.version() + ", " + soa.status()
                    + (soa.approved() ? " by " + soa.approvedBy() + " on " + soa.approvedAt() : "") + "; last edited by " + soa.editedBy());
            pdf.gap(LEADING);
            for (SoaEntry e : soa.entries()) {
                pdf.heading(SIZE, e.ref() + "  " + e.title() + "  [" + (e.applicable() ? "applicable" : "excluded") + ", "
                        + e.implementation().replace('_', ' ') + "]");
                pdf.text("Justification: " + (e.justification() == null ? "-" : e.justification())
                        + "   Attest controls: " + (e.controls().isEmpty() ? "-" : String.join(", ", e.controls())));
                pdf.gap(3);
            }
            return pdf.bytes();
        }
    }
}
