package dev.attest.privacy.internal;

import dev.attest.privacy.ProcessingRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The records of processing as a PDF document: one section per activity, text wrapped to the page. */
final class ProcessingRecordsPdf {

    private static final float MARGIN = 56;
    private static final float SIZE = 10;
    private static final float LEADING = 14;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    private ProcessingRecordsPdf() {
    }

    static byte[] render(String workspace, LocalDate asOf, List<ProcessingRecord> records) {
        ProcessingRecordsPdf pdf = new ProcessingRecordsPdf();
        try (PDDocument document = pdf.document) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Records of processing activities");
            info.setCreator("Attest");
            document.setDocumentInformation(info);
            pdf.newPage();
            pdf.paragraph(pdf.bold, 16, "Records of processing activities");
            pdf.paragraph(pdf.regular, SIZE, "Kept under Article 30 of the GDPR by " + workspace + ", as of " + asOf + ".");
            if (records.isEmpty()) {
                pdf.paragraph(pdf.regular, SIZE, "No processing activity recorded.");
            }
            int n = 1;
            for (ProcessingRecord r : records) {
                pdf.y -= LEADING / 2;
                pdf.paragraph(pdf.bold, 12, n++ + ". " + r.name());
                pdf.field("Purpose", r.purpose());
                pdf.field("Legal basis", r.legalBasis());
                pdf.field("Categories of data subjects", r.dataSubjects());
                pdf.field("Categories of personal data", r.dataCategories());
                pdf.field("Recipients", r.recipients());
                pdf.field("Transfers to third countries", r.transfers() == null ? "none" : r.transfers() + " (mechanism: " + r.transferMechanism() + ")");
                pdf.field("Retention", r.retention());
                pdf.field("Security measures", (r.securityMeasures() == null ? "" : r.securityMeasures())
                        + (r.controlKeys().isEmpty() ? "" : " (controls " + String.join(", ", r.controlKeys()) + ")"));
            }
            pdf.content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void field(String label, String value) throws IOException {
        paragraph(regular, SIZE, label + ": " + (value == null || value.isBlank() ? "-" : value));
    }

    private void paragraph(PDType1Font font, float size, String text) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        for (String line : wrap(font, size, printable(text), width)) {
            if (y < MARGIN + LEADING) {
                content.close();
                newPage();
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(line);
            content.endText();
            y -= size > SIZE ? size + 6 : LEADING;
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The standard fonts encode Latin-1 only: other characters are shown as '?', line breaks as spaces. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c > 0xFF) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
