package dev.attest.responsibility.internal;

import dev.attest.responsibility.ComplementaryControls;
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

/**
 * The complementary controls for the auditor as a PDF: per SOC 2 criterion, the complementary user
 * entity controls (what customers must do) and the complementary subservice organization controls
 * (what each provider must do), in the order of the criteria.
 */
final class ComplementaryControlsPdf {

    private static final float MARGIN = 50;
    private static final float BODY = 9.5f;

    private final PDDocument document = new PDDocument();
    private final PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font strong = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float cursor;

    static byte[] render(String company, LocalDate asOf, List<ComplementaryControls> criteria) {
        ComplementaryControlsPdf pdf = new ComplementaryControlsPdf();
        try (PDDocument document = pdf.document) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Complementary user entity and subservice organization controls");
            info.setCreator("Attest");
            document.setDocumentInformation(info);
            pdf.startPage();
            pdf.write(pdf.strong, 15, "Complementary controls (SOC 2)");
            pdf.write(pdf.plain, BODY, company + ", as of " + asOf + ". CUEC: what user entities (customers) must do. "
                    + "CSOC: what each subservice organization (provider) must do. Per Trust Services Criterion.");
            if (criteria.isEmpty()) {
                pdf.write(pdf.plain, BODY, "No control is carried by customers or providers: there are no complementary controls.");
            }
            for (ComplementaryControls criterion : criteria) {
                pdf.cursor -= 6;
                pdf.write(pdf.strong, 11.5f, criterion.criterion() + "  " + criterion.title());
                for (var cuec : criterion.userEntity()) {
                    pdf.write(pdf.plain, BODY, "CUEC " + cuec.control() + " (" + cuec.controlName() + "): " + cuec.guidance());
                }
                for (var csoc : criterion.subservice()) {
                    pdf.write(pdf.plain, BODY, "CSOC " + csoc.control() + ", " + csoc.provider() + ": " + csoc.duty()
                            + (csoc.reportOnFile() ? " (provider's report on file)" : ""));
                }
            }
            pdf.page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.LETTER);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        cursor = PDRectangle.LETTER.getHeight() - MARGIN;
    }

    private void write(PDType1Font font, float size, String text) throws IOException {
        float room = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
        for (String line : lines(font, size, latin1(text), room)) {
            if (cursor < MARGIN) {
                page.close();
                startPage();
            }
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(MARGIN, cursor);
            page.showText(line);
            page.endText();
            cursor -= size * 1.45f;
        }
    }

    /** Breaks the text into lines that fit the width, at spaces. */
    private static List<String> lines(PDType1Font font, float size, String text, float room) throws IOException {
        List<String> result = new ArrayList<>();
        String current = "";
        for (String word : text.split("\\s+")) {
            String longer = current.isEmpty() ? word : current + ' ' + word;
            if (!current.isEmpty() && font.getStringWidth(longer) * size / 1000 > room) {
                result.add(current);
                current = word;
            } else {
                current = longer;
            }
        }
        result.add(current);
        return result;
    }

    /** The built-in PDF fonts only know Latin-1; anything else prints as '?'. */
    private static String latin1(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(Character.isISOControl(c) ? ' ' : c > 0xFF ? '?' : (char) c));
        return out.toString();
    }
}
