package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Decision;
import dev.attest.accessreviews.Flag;
import dev.attest.accessreviews.RemediationTask;
import dev.attest.accessreviews.TaskStatus;
import dev.attest.web.PdfText;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The campaign report as a PDF for the auditor: summary counts, timings, then every remediation task and how it closed. */
final class CampaignReportPdf {

    private static final float LINE = 14;

    private CampaignReportPdf() {
    }

    static byte[] render(String workspace, CampaignReport report) {
        var c = report.campaign();
        try (PdfText pdf = new PdfText("Access review report: " + c.name(), PDRectangle.A4, 50, 10, LINE)) {
            pdf.heading(16, "Access review: " + c.name());
            pdf.text(workspace + " - status " + c.status().wireName() + ", due " + c.dueOn() + ", recurrence "
                    + c.recurrence().wireName() + ", reviewers by " + c.reviewerMode().wireName());
            pdf.text("Started " + (c.startedAt() == null ? "-" : c.startedAt()) + "; completed "
                    + (c.completedAt() == null ? "-" : c.completedAt()) + "; duration " + CampaignReport.days(report.duration())
                    + "; median time to a decision " + CampaignReport.days(report.medianTimeToDecision()));
            pdf.gap(LINE / 2);
            pdf.heading(12, "Systems and reviewers");
            c.systems().forEach(s -> pdf.text(s.systemName() + ": " + s.reviewer()));
            pdf.gap(LINE / 2);
            pdf.heading(12, "Accounts by decision");
            for (Decision d : Decision.values()) {
                pdf.text(d.wireName() + ": " + report.byDecision().getOrDefault(d, 0L));
            }
            pdf.text("undecided: " + report.undecided());
            pdf.gap(LINE / 2);
            pdf.heading(12, "Accounts by flag");
            for (Flag f : Flag.values()) {
                pdf.text(f.wireName().replace('_', ' ') + ": " + report.byFlag().getOrDefault(f, 0L));
            }
            pdf.gap(LINE / 2);
            pdf.heading(12, "Remediation tasks");
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
            return pdf.bytes();
        }
    }
}
