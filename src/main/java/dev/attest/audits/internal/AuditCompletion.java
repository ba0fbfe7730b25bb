package dev.attest.audits.internal;

import dev.attest.audits.Audit;
import dev.attest.audits.AuditCompleted;
import dev.attest.audits.AuditFinding;
import dev.attest.audits.AuditKind;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.CurrentUser;
import dev.attest.trustcenter.AuditReports;
import dev.attest.trustcenter.Certification;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Completing an audit, in one step the admin confirms: the signed report goes to the evidence store
 * (and so the ledger), the audit is completed, and the Trust Center's certification entry for the
 * framework and a gated copy of the report are updated. Any refusal leaves all of it undone.
 */
@Service
@RequiredArgsConstructor
class AuditCompletion {

    /** What the admin confirms. */
    record Completion(LocalDate issuedOn, boolean confirm, boolean publish, String fileName, byte[] report) {
    }

    /** The completed audit, its report's ledger entry and the Trust Center document. */
    record Completed(Audit audit, UUID reportEvidence, long ledgerSeq, UUID trustCenterDocument) {
    }

    private final EngagementStore store;
    private final AuditorAccess access;
    private final AuditFindings findings;
    private final EvidenceLocker evidence;
    private final AuditReports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional
    Completed complete(CurrentUser user, UUID id, Completion c) {
        Audit audit = access.managed(user, id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.report() == null || c.report().length < 5 || !new String(c.report(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            errors.put("file", "the signed report must be a PDF");
        }
        if (c.issuedOn() == null) {
            errors.put("issuedOn", "is required: the report's date");
        } else if (c.issuedOn().isBefore(audit.periodEnd())) {
            errors.put("issuedOn", "a report is issued after its period ends (" + audit.periodEnd() + ")");
        }
        List<AuditFinding> blocking = findings.blocking(user, audit);
        if (!blocking.isEmpty()) {
            errors.put("findings", "open major nonconformities block completion: "
                    + String.join(", ", blocking.stream().map(AuditFinding::reference).toList()));
        }
        if (!c.confirm()) {
            errors.put("confirm", "confirm that the Trust Center's certification entry and its gated report will be updated");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Audit completed = audit.complete(c.issuedOn(), Population.sha256(c.report()));
        EvidenceItem report = evidence.add(user.workspaceId(), new NewEvidence("upload", "Signed " + label(audit.kind()) + " report by " + audit.firm()
                + " for " + audit.periodText(), c.fileName(), "application/pdf", List.of(), null, user.actor()), c.report());
        store.update(user.workspaceId(), completed, clock.instant());
        UUID document = reports.recordReport(user.workspaceId(), new Certification(label(audit.kind()), "certified",
                        String.valueOf(c.issuedOn().getYear()), audit.firm(), audit.periodText()),
                label(audit.kind()) + " report (" + audit.periodText() + ")", documentKind(audit.kind()), c.fileName(), c.report(), c.publish(),
                user.actor());
        events.publishEvent(new AuditCompleted(user.workspaceId(), user.actor(), audit.id(), audit.framework(), c.issuedOn(), completed.reportSha256()));
        return new Completed(completed, report.id(), report.ledgerSeq(), document);
    }

    /** How the Trust Center names the certification. */
    static String label(AuditKind kind) {
        return switch (kind) {
            case SOC2_TYPE1 -> "SOC 2 Type I";
            case SOC2_TYPE2 -> "SOC 2 Type II";
            case ISO27001_STAGE1, ISO27001_STAGE2, ISO27001_SURVEILLANCE, ISO27001_RECERTIFICATION -> "ISO/IEC 27001";
            case HIPAA_ASSESSMENT -> "HIPAA";
            case PCI_DSS_ROC, PCI_DSS_SAQ -> "PCI DSS";
        };
    }

    private static String documentKind(AuditKind kind) {
        return switch (kind.framework()) {
            case "soc2" -> "soc2-report";
            case "iso27001" -> "iso-certificate";
            case "pci-dss" -> "pci-attestation";
            default -> "other";
        };
    }
}
