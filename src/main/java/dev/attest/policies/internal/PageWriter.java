package dev.attest.policies.internal;

import lombok.RequiredArgsConstructor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lays text out on A4 pages top to bottom, starting a new page when one is full, and writes the page footers. */
@RequiredArgsConstructor
final class PageWriter {

    static final float MARGIN = 56;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    /** The standard PDF fonts a policy is printed in. */
    enum Font {
        REGULAR(new PDType1Font(Standard14Fonts.FontName.HELVETICA)),
        BOLD(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD)),
        MONO(new PDType1Font(Standard14Fonts.FontName.COURIER));

        final PDType1Font pdf;

        Font(PDType1Font pdf) {
            this.pdf = pdf;
        }
    }

    private final PDDocument doc;
    private final Map<Character, Boolean> encodable = new HashMap<>();
    private PDPage page;
    private PDPageContentStream stream;
    private float y;

    /** The page being written. */
    PDPage page() {
        return page;
    }

    void newPage() throws IOException {
        close();
        page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        stream = new PDPageContentStream(doc, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    void resume(PDPage existing) throws IOException {
        close();
        page = existing;
        stream = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    void gap(float points) {
        y -= points;
    }

    private void room(float height) throws IOException {
        if (y - height < MARGIN + 20) {
            newPage();
        }
    }

    void line(String text, Font font, float size, float indent) throws IOException {
        room(size * 1.35f);
        y -= size * 1.35f;
        show(clean(text, font), font, size, MARGIN + indent, y);
    }

    void paragraph(String text, Font font, float size, float indent, String marker) throws IOException {
        String clean = clean(text, font);
        String markerText = clean(marker, font);
        float markerWidth = width(markerText, font, size);
        List<String> lines = wrap(clean, font, size, WIDTH - indent - markerWidth);
        for (int i = 0; i < lines.size(); i++) {
            room(size * 1.4f);
            y -= size * 1.4f;
            if (i == 0 && !markerText.isEmpty()) {
                show(markerText, font, size, MARGIN + indent, y);
            }
            show(lines.get(i), font, size, MARGIN + indent + markerWidth, y);
        }
    }

    void row(List<String> cells, Font font, float indent) throws IOException {
        float column = (WIDTH - indent) / Math.max(1, cells.size());
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (String cell : cells) {
            List<String> lines = wrap(clean(cell, font), font, 9.5f, column - 6);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int l = 0; l < height; l++) {
            room(13);
            y -= 13;
            for (int c = 0; c < wrapped.size(); c++) {
                if (l < wrapped.get(c).size()) {
                    show(wrapped.get(c).get(l), font, 9.5f, MARGIN + indent + c * column, y);
                }
            }
        }
    }

    void tocLine(String title, String pageNumber) throws IOException {
        room(16);
        y -= 16;
        String clean = clean(title, Font.REGULAR);
        show(clean, Font.REGULAR, 11, MARGIN, y);
        show(pageNumber, Font.REGULAR, 11, MARGIN + WIDTH - width(pageNumber, Font.REGULAR, 11), y);
    }

    void footers(String label) throws IOException {
        close();
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
                footer.beginText();
                footer.setFont(Font.REGULAR.pdf, 8);
                footer.newLineAtOffset(MARGIN, MARGIN / 2);
                footer.showText(clean(label, Font.REGULAR) + "    page " + (i + 1) + " of " + total);
                footer.endText();
            }
        }
    }

    private void show(String text, Font font, float size, float x, float atY) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font.pdf, size);
        stream.newLineAtOffset(x, atY);
        stream.showText(text);
        stream.endText();
    }

    private List<String> wrap(String text, Font font, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= max || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static float width(String text, Font font, float size) throws IOException {
        return font.pdf.getStringWidth(text) / 1000 * size;
    }

    /** Keeps the characters the standard fonts can show; others become '?' rather than failing the export. */
    private String clean(String text, Font font) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.replace('\t', ' ').toCharArray()) {
            boolean ok = encodable.computeIfAbsent(c, ch -> {
                try {
                    font.pdf.encode(String.valueOf(ch));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            out.append(ok ? c : '?');
        }
        return out.toString();
    }
}
