package dev.attest.policies.internal;

import dev.attest.policies.Policy;
import dev.attest.policies.PolicyVersion;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Policies as PDF with PDFBox: one published version with its version, approver and dates, or the
 * whole published set as one document with a table of contents and bookmarks.
 */
@Component
class PolicyPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /** A policy with the version to print. */
    record Entry(Policy policy, PolicyVersion version) {
    }

    byte[] version(Entry entry, String company) {
        try (PDDocument doc = new PDDocument()) {
            PageWriter w = new PageWriter(doc);
            w.newPage();
            print(w, entry);
            info(doc, entry.policy().title() + " v" + entry.version().number(), company);
            w.footers(entry.policy().title() + " · version " + entry.version().number());
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] set(List<Entry> entries, String company, Instant now) {
        try (PDDocument doc = new PDDocument()) {
            PageWriter w = new PageWriter(doc);
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
                destination.setPage(w.page());
                bookmark.setDestination(destination);
                outline.addLast(bookmark);
                print(w, entry);
            }
            w.close();
            // The contents go on the pages reserved at the front, now that every policy's first page is known.
            for (int t = 0; t < tocPages; t++) {
                w.resume(doc.getPage(t));
                if (t == 0) {
                    w.line("Policies of " + company, PageWriter.Font.BOLD, 20, 0);
                    w.line("Published set as of " + MINUTE.format(now) + " · " + entries.size() + " policies", PageWriter.Font.REGULAR, 10, 0);
                    w.gap(12);
                    w.line("Contents", PageWriter.Font.BOLD, 14, 0);
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

    private void print(PageWriter w, Entry entry) throws IOException {
        PolicyVersion v = entry.version();
        w.line(entry.policy().title(), PageWriter.Font.BOLD, 18, 0);
        w.line("Version " + v.number() + " · approved by " + v.approvedBy() + " on " + (v.approvedAt() == null ? "-" : MINUTE.format(v.approvedAt())),
                PageWriter.Font.REGULAR, 9.5f, 0);
        w.line("Published " + (v.publishedAt() == null ? "-" : DAY.format(v.publishedAt())) + " by " + v.publishedBy()
                + (entry.policy().owner() == null ? "" : " · owner " + entry.policy().owner())
                + (entry.policy().reviewDue() == null ? "" : " · review due " + entry.policy().reviewDue()), PageWriter.Font.REGULAR, 9.5f, 0);
        w.line("SHA-256 " + v.hash(), PageWriter.Font.MONO, 7.5f, 0);
        w.gap(10);
        Node document = parser.parse(v.body());
        boolean skippedTitle = false;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            // The Markdown's own first heading repeats the title printed above.
            if (!skippedTitle && block instanceof Heading h && h.getLevel() == 1) {
                skippedTitle = true;
                continue;
            }
            MarkdownBlocks.print(w, block, 0);
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
}
