package dev.attest.audits.internal;

import dev.attest.audits.SoaEntry;
import dev.attest.audits.SoaVersion;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
import java.util.ArrayList;
import java.util.List;

/** The Statement of Applicability as the CSV and PDF an auditor receives. */
final class SoaDocuments {

    private static final float MARGIN = 40;
    private static final float SIZE = 8.5f;
    private static final float LEADING = 11;

    private SoaDocuments() {
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
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Statement of Applicability, version " + soa.version());
            info.setCreator("Attest");
            document.setDocumentInformation(info);
            Writer writer = new Writer(document);
            writer.line(bold, 15, "Statement of Applicability (ISO/IEC 27001:2022 Annex A)");
            writer.line(regular, SIZE, workspace + ", version " + soa.version() + ", " + soa.status()
                    + (soa.approved() ? " by " + soa.approvedBy() + " on " + soa.approvedAt() : "") + "; last edited by " + soa.editedBy());
            writer.y -= LEADING;
            for (SoaEntry e : soa.entries()) {
                writer.line(bold, SIZE, e.ref() + "  " + e.title() + "  [" + (e.applicable() ? "applicable" : "excluded") + ", "
                        + e.implementation().replace('_', ' ') + "]");
                writer.line(regular, SIZE, "Justification: " + (e.justification() == null ? "-" : e.justification())
                        + "   Attest controls: " + (e.controls().isEmpty() ? "-" : String.join(", ", e.controls())));
                writer.y -= 3;
            }
            writer.content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of text down A4 pages, wrapped to the margins, a new page when one is full. */
    private static final class Writer {

        private final PDDocument document;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            page();
        }

        private void page() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            for (String part : wrap(font, size, latin1(text), PDRectangle.A4.getWidth() - 2 * MARGIN)) {
                if (y < MARGIN + LEADING) {
                    content.close();
                    page();
                }
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(part);
                content.endText();
                y -= size > SIZE ? size + 6 : LEADING;
            }
        }

        private static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            String line = "";
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(line);
                    line = word;
                } else {
                    line = candidate;
                }
            }
            lines.add(line);
            return lines;
        }

        // The standard fonts encode Latin-1 only.
        private static String latin1(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                out.append(c < 0x20 ? ' ' : (c >= 0x7F && c < 0xA0) || c > 0xFF ? '?' : c);
            }
            return out.toString();
        }
    }
}
