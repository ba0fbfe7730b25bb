package dev.attest.trustcenter.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.trustcenter.AuditReports;
import dev.attest.trustcenter.Certification;
import dev.attest.trustcenter.TrustCenterContent;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** Takes a completed audit's report: uploads it as a gated document and updates the certification entry. */
@Service
@RequiredArgsConstructor
class AuditReportIntake implements AuditReports {

    private final DocumentAccess documents;
    private final Drafts drafts;
    private final Publication publication;

    @Override
    @Transactional
    public UUID recordReport(WorkspaceId workspace, Certification certification, String title, String kind, String fileName, byte[] pdf,
                             boolean publish, String actor) {
        DocumentStore.Document document = documents.upload(workspace, title, kind, true, fileName, pdf, actor);
        TrustCenterContent draft = drafts.draft(workspace);
        drafts.saveDraft(workspace, draft.withCertification(certification).withDocument(document.id()), actor);
        if (publish) {
            publication.publish(workspace, actor);
        }
        return document.id();
    }
}
