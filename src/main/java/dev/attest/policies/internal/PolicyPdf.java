package dev.attest.policies.internal;

import dev.attest.policies.Policy;
import dev.attest.policies.PolicyVersion;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Policies as PDF with PDFBox: one published version with its version, approver and dates, or the
 * whole published set as one document with a table of contents and bookmarks.
 */
@Component
public class PolicyPdf {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /** A policy with the version to print. */
    public record Entry(Policy policy, PolicyVersion version) {
    }

    public byte[] version(Entry entry, String company) {
        try (PDDocument doc = new PDDocument()) {
            Writer w = new Writer(doc);
            w.newPage();
            print(w, entry);
            info(doc, entry.policy().title() + " v" + entry.version().number(), company);
            w.footers(entry.policy().title() + " · version " + entry.version().number());
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] set(List<Entry> entries, String company, Instant now) {
        try (PDDocument doc = new PDDocument()) {
            Writer w = new Writer(doc);
            int tocPages = Math.max(1, (int) Math.ceil(entries.size() / 38.0));
            for (int i = 0; i < tocPages; i++) {
                w.newPage();
            }
            List<Integer> starts = new ArrayList<>();
            PDDocumentOutline outline = new PDDocumentOutline();
            doc.getDocumentCatalog().setDocumentOutline(outline);
            for (Entry entry : entries) {
                w.newPage();
                starts.add(doc.getNumberOfPages());
                PDOutlineItem bookmark = new PDOutlineItem();
                bookmark.setTitle(entry.policy().title());
                PDPageFitWidthDestination destination = new PDPageFitWidthDestination();
                destination.setPage(w.page);
                bookmark.setDestination(destination);
                outline.addLast(bookmark);
                print(w, entry);
            }
            w.close();
            // The contents go on the pages reserved at the front, now that every policy's first page is known.
            for (int t = 0; t < tocPages; t++) {
                w.resume(doc.getPage(t));
                if (t == 0) {
                    w.line("Policies of " + company, Font.BOLD, 20, 0);
                    w.line("Published set as of " + MINUTE.format(now) + " · " + entries.size() + " policies", Font.REGULAR, 10, 0);
                    w.gap(12);
                    w.line("Contents", Font.BOLD, 14, 0);
                    w.gap(4);
                }
                for (int i = t * 38; i < Math.min(entries.size(), (t + 1) * 38); i++) {
                    Entry e = entries.get(i);
                    w.tocLine(e.policy().title() + "  (v" + e.version().number() + ")", String.valueOf(starts.get(i)));
                }
                w.close();
            }
            info(doc, "Policies of " + company, company);
            w.footers("Policies of " + company);
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void print(Writer w, Entry entry) throws IOException {
        PolicyVersion v = entry.version();
        w.line(entry.policy().title(), Font.BOLD, 18, 0);
        w.line("Version " + v.number() + " · approved by " + v.approvedBy() + " on " + (v.approvedAt() == null ? "-" : MINUTE.format(v.approvedAt())),
                Font.REGULAR, 9.5f, 0);
        w.line("Published " + (v.publishedAt() == null ? "-" : DAY.format(v.publishedAt())) + " by " + v.publishedBy()
                + (entry.policy().owner() == null ? "" : " · owner " + entry.policy().owner())
                + (entry.policy().reviewDue() == null ? "" : " · review due " + entry.policy().reviewDue()), Font.REGULAR, 9.5f, 0);
        w.line("SHA-256 " + v.hash(), Font.MONO, 7.5f, 0);
        w.gap(10);
        Node document = parser.parse(v.body());
        boolean skippedTitle = false;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            // The Markdown's own first heading repeats the title printed above.
            if (!skippedTitle && block instanceof Heading h && h.getLevel() == 1) {
                skippedTitle = true;
                continue;
            }
            block(w, block, 0);
        }
    }

    private void block(Writer w, Node node, float indent) throws IOException {
        if (node instanceof Heading h) {
            w.gap(6);
            w.paragraph(text(h), Font.BOLD, h.getLevel() <= 2 ? 13 : 11.5f, indent, "");
            w.gap(2);
        } else if (node instanceof Paragraph p) {
            w.paragraph(text(p), Font.REGULAR, 10.5f, indent, "");
            w.gap(5);
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            int n = node instanceof OrderedList ol && ol.getMarkerStartNumber() != null ? ol.getMarkerStartNumber() : 1;
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                String marker = node instanceof OrderedList ? (n++) + ". " : "\u2022 ";
                boolean first = true;
                for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof Paragraph p) {
                        w.paragraph(text(p), Font.REGULAR, 10.5f, indent + 14, first ? marker : "");
                    } else {
                        block(w, child, indent + 14);
                    }
                    first = false;
                }
            }
            w.gap(5);
        } else if (node instanceof FencedCodeBlock code) {
            for (String line : code.getLiteral().split("\n")) {
                w.paragraph(line, Font.MONO, 9, indent + 10, "");
            }
            w.gap(5);
        } else if (node instanceof ThematicBreak) {
            w.gap(8);
        } else if (node.getClass().getSimpleName().equals("TableBlock")) {
            for (Node section = node.getFirstChild(); section != null; section = section.getNext()) {
                boolean head = section.getClass().getSimpleName().equals("TableHead");
                for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    if (row instanceof TableRow) {
                        List<String> cells = new ArrayList<>();
                        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                            if (cell instanceof TableCell) {
                                cells.add(text(cell));
                            }
                        }
                        w.row(cells, head ? Font.BOLD : Font.REGULAR, indent);
                    }
                }
            }
            w.gap(6);
        } else {
            String t = text(node);
            if (!t.isBlank()) {
                w.paragraph(t, Font.REGULAR, 10.5f, indent, "");
            }
        }
    }

    private static String text(Node node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                out.append(t.getLiteral());
            } else if (child instanceof Code c) {
                out.append(c.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                out.append(' ');
            } else {
                collect(child, out);
            }
        }
    }

    private static void info(PDDocument doc, String title, String company) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(company);
        info.setCreator("Attest");
    }

    private static byte[] bytes(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    enum Font {
        REGULAR(new PDType1Font(Standard14Fonts.FontName.HELVETICA)),
        BOLD(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD)),
        MONO(new PDType1Font(Standard14Fonts.FontName.COURIER));

        final PDType1Font pdf;

        Font(PDType1Font pdf) {
            this.pdf = pdf;
        }
    }

    /** Lays text out top to bottom, starting a new page when one is full. */
    private static final class Writer {

        private final PDDocument doc;
        private final Map<Character, Boolean> encodable = new HashMap<>();
        private PDPage page;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc) {
            this.doc = doc;
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
}
