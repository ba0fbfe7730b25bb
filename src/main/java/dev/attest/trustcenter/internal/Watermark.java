package dev.attest.trustcenter.internal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Stamps every page of a PDF with who it was given to and when: a faint diagonal line across the
 * page and a plain footer line (which text extraction and a printout both keep).
 */
final class Watermark {

    private Watermark() {
    }

    static byte[] stamp(byte[] pdf, String text) {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
            faint.setNonStrokingAlphaConstant(0.18f);
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getMediaBox();
                try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    content.saveGraphicsState();
                    content.setGraphicsStateParameters(faint);
                    content.setNonStrokingColor(0.6f, 0.1f, 0.1f);
                    content.beginText();
                    float size = Math.max(12f, Math.min(28f, box.getWidth() * 1.1f / Math.max(1, text.length())));
                    content.setFont(font, size);
                    content.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(35), box.getWidth() * 0.12f, box.getHeight() * 0.25f));
                    content.showText(text);
                    content.endText();
                    content.restoreGraphicsState();

                    content.beginText();
                    content.setNonStrokingColor(0.35f, 0.35f, 0.35f);
                    content.setFont(font, 8);
                    content.newLineAtOffset(36, 18);
                    content.showText(text);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The stored document is not a readable PDF", e);
        }
    }
}
