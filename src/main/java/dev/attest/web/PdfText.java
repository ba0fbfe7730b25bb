package dev.attest.web;

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

/**
 * A PDF of text down its pages, as the reports and registers an auditor downloads are printed: body text and bold
 * headings in Helvetica, each wrapped to the margins, a new page when one is full. The standard fonts encode Latin-1
 * only: control characters print as spaces, anything else outside Latin-1 as '?'.
 */
public final class PdfText implements AutoCloseable {

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDRectangle paper;
    private final float margin;
    private final float size;
    private final float leading;
    private PDPageContentStream content;
    private float y;

    /**
     * @param title   the document's title in its properties
     * @param size    the body text's font size; headings larger than it leave their size and 6 points below them
     * @param leading the distance from one body line to the next
     */
    public PdfText(String title, PDRectangle paper, float margin, float size, float leading) {
        this.paper = paper;
        this.margin = margin;
        this.size = size;
        this.leading = leading;
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setCreator("Attest");
        document.setDocumentInformation(info);
        newPage();
    }

    /** Body text, wrapped. */
    public void text(String text) {
        write(regular, size, text);
    }

    /** A bold line (or lines) in the given size. */
    public void heading(float fontSize, String text) {
        write(bold, fontSize, text);
    }

    /** Extra space before what comes next. */
    public void gap(float points) {
        y -= points;
    }

    /** The finished document. */
    public byte[] bytes() {
        try {
            content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PDType1Font font, float fontSize, String text) {
        try {
            for (String line : wrap(font, fontSize, latin1(text), paper.getWidth() - 2 * margin)) {
                if (y < margin + leading) {
                    content.close();
                    newPage();
                }
                content.beginText();
                content.setFont(font, fontSize);
                content.newLineAtOffset(margin, y);
                content.showText(line);
                content.endText();
                y -= fontSize > size ? fontSize + 6 : leading;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() {
        try {
            PDPage page = new PDPage(paper);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = paper.getHeight() - margin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Breaks the text into lines that fit the width, at spaces. */
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

    private static String latin1(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 ? ' ' : (c >= 0x7F && c < 0xA0) || c > 0xFF ? '?' : c);
        }
        return out.toString();
    }
}
