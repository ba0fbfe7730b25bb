package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Decision;
import dev.attest.accessreviews.Flag;
import dev.attest.accessreviews.RemediationTask;
import dev.attest.accessreviews.TaskStatus;
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

/** The campaign report as a PDF for the auditor: summary counts, timings, then every remediation task and how it closed. */
final class CampaignReportPdf {

    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final int MAX_CHARS = 95;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;

    private CampaignReportPdf() {
    }

    static byte[] render(String workspace, CampaignReport report) {
        CampaignReportPdf pdf = new CampaignReportPdf();
        try (PDDocument document = pdf.document) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Access review report: " + report.campaign().name());
            info.setCreator("Attest");
            document.setDocumentInformation(info);
            pdf.page();
            var c = report.campaign();
            pdf.line(pdf.bold, 16, "Access review: " + c.name());
            pdf.line(pdf.regular, 10, workspace + " - status " + c.status().wireName() + ", due " + c.dueOn() + ", recurrence "
                    + c.recurrence().wireName() + ", reviewers by " + c.reviewerMode().wireName());
            pdf.line(pdf.regular, 10, "Started " + (c.startedAt() == null ? "-" : c.startedAt()) + "; completed "
                    + (c.completedAt() == null ? "-" : c.completedAt()) + "; duration " + CampaignReport.days(report.duration())
                    + "; median time to a decision " + CampaignReport.days(report.medianTimeToDecision()));
            pdf.gap();
            pdf.line(pdf.bold, 12, "Systems and reviewers");
            c.systems().forEach(s -> pdf.text(s.systemName() + ": " + s.reviewer()));
            pdf.gap();
            pdf.line(pdf.bold, 12, "Accounts by decision");
            for (Decision d : Decision.values()) {
                pdf.text(d.wireName() + ": " + report.byDecision().getOrDefault(d, 0L));
            }
            pdf.text("undecided: " + report.undecided());
            pdf.gap();
            pdf.line(pdf.bold, 12, "Accounts by flag");
            for (Flag f : Flag.values()) {
                pdf.text(f.wireName().replace('_', ' ') + ": " + report.byFlag().getOrDefault(f, 0L));
            }
            pdf.gap();
            pdf.line(pdf.bold, 12, "Remediation tasks");
            for (TaskStatus s : TaskStatus.values()) {
                pdf.text(s.wireName().replace('_', ' ') + ": " + report.byTaskStatus().getOrDefault(s, 0L));
            }
            for (RemediationTask t : report.tasks()) {
                pdf.text("- " + t.action().wireName() + " " + t.accountId() + " in " + t.systemName()
                        + (t.roles().isEmpty() ? "" : " to " + String.join(", ", t.roles())) + ": " + t.status().wireName().replace('_', ' ')
                        + (t.closedBy() == null ? "" : " by " + t.closedBy() + " at " + t.closedAt())
                        + (t.note() == null ? "" : " (" + t.note() + ")")
                        + (t.exceptionUntil() == null ? "" : " until " + t.exceptionUntil()));
            }
            pdf.page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(String text) {
        String clean = latin1(text);
        while (clean.length() > MAX_CHARS) {
            int cut = clean.lastIndexOf(' ', MAX_CHARS);
            cut = cut <= 0 ? MAX_CHARS : cut;
            line(regular, 10, clean.substring(0, cut));
            clean = "    " + clean.substring(cut).strip();
        }
        line(regular, 10, clean);
    }

    private void gap() {
        y -= LINE / 2;
    }

    private void line(PDType1Font font, float size, String text) {
        try {
            if (y < MARGIN + LINE) {
                page.close();
                page();
            }
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(MARGIN, y);
            page.showText(latin1(text));
            page.endText();
            y -= size > 10 ? size + 6 : LINE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void page() throws IOException {
        PDPage p = new PDPage(PDRectangle.A4);
        document.addPage(p);
        page = new PDPageContentStream(document, p);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    // The standard fonts encode Latin-1 only.
    private static String latin1(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(cp < 32 ? ' ' : cp > 255 ? '?' : (char) cp));
        return out.toString();
    }
}
