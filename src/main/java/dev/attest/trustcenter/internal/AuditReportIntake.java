package dev.attest.trustcenter.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.trustcenter.AuditReports;
import dev.attest.trustcenter.Certification;
import dev.attest.trustcenter.TrustCenter;
import dev.attest.trustcenter.TrustCenterContent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Takes a completed audit's report: uploads it as a gated document and updates the certification entry. */
@Service
class AuditReportIntake implements AuditReports {

    private final DocumentAccess documents;
    private final TrustCenter trustCenter;

    AuditReportIntake(DocumentAccess documents, TrustCenter trustCenter) {
        this.documents = documents;
        this.trustCenter = trustCenter;
    }

    @Override
    @Transactional
    public UUID recordReport(WorkspaceId workspace, Certification certification, String title, String kind, String fileName, byte[] pdf,
                             boolean publish, String actor) {
        DocumentStore.Document document = documents.upload(workspace, title, kind, true, fileName, pdf, actor);
        TrustCenterContent draft = trustCenter.draft(workspace);
        List<Certification> certifications = new ArrayList<>();
        boolean replaced = false;
        for (Certification existing : draft.certifications()) {
            if (existing.framework().equalsIgnoreCase(certification.framework())) {
                certifications.add(new Certification(certification.framework(), certification.status(),
                        existing.since() != null ? existing.since() : certification.since(), certification.auditor(), certification.period()));
                replaced = true;
            } else {
                certifications.add(existing);
            }
        }
        if (!replaced) {
            certifications.add(certification);
        }
        List<UUID> listed = new ArrayList<>(draft.documents());
        listed.add(document.id());
        trustCenter.saveDraft(workspace, new TrustCenterContent(draft.company(), draft.summary(), draft.contactEmail(), certifications,
                draft.controls(), draft.faq(), listed, draft.securityContact(), draft.languages(), draft.disclosure(), draft.ndaText(),
                draft.allowedDomains(), draft.noticeDays(), draft.linkDays(), draft.internalNotes(), draft.sharedResponsibility(), List.of()), actor);
        if (publish) {
            trustCenter.publish(workspace, actor);
        }
        return document.id();
    }
}
