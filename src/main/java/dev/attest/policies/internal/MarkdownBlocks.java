package dev.attest.policies.internal;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A policy's Markdown blocks on PDF pages: headings, paragraphs, lists, code and tables, as plain styled text. */
final class MarkdownBlocks {

    private MarkdownBlocks() {
    }

    static void print(PageWriter w, Node node, float indent) throws IOException {
        if (node instanceof Heading h) {
            w.gap(6);
            w.paragraph(text(h), PageWriter.Font.BOLD, h.getLevel() <= 2 ? 13 : 11.5f, indent, "");
            w.gap(2);
        } else if (node instanceof Paragraph p) {
            w.paragraph(text(p), PageWriter.Font.REGULAR, 10.5f, indent, "");
            w.gap(5);
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            int n = node instanceof OrderedList ol && ol.getMarkerStartNumber() != null ? ol.getMarkerStartNumber() : 1;
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                String marker = node instanceof OrderedList ? (n++) + ". " : "\u2022 ";
                boolean first = true;
                for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof Paragraph p) {
                        w.paragraph(text(p), PageWriter.Font.REGULAR, 10.5f, indent + 14, first ? marker : "");
                    } else {
                        print(w, child, indent + 14);
                    }
                    first = false;
                }
            }
            w.gap(5);
        } else if (node instanceof FencedCodeBlock code) {
            for (String line : code.getLiteral().split("\n")) {
                w.paragraph(line, PageWriter.Font.MONO, 9, indent + 10, "");
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
                        w.row(cells, head ? PageWriter.Font.BOLD : PageWriter.Font.REGULAR, indent);
                    }
                }
            }
            w.gap(6);
        } else {
            String t = text(node);
            if (!t.isBlank()) {
                w.paragraph(t, PageWriter.Font.REGULAR, 10.5f, indent, "");
            }
        }
    }

    static String text(Node node) {
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
}
