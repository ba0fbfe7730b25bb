package dev.attest.trustcenter.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.responsibility.SharedResponsibility;
import dev.attest.trustcenter.PublishedTrustCenter;
import dev.attest.trustcenter.SharedResponsibilityEntry;
import dev.attest.trustcenter.TrustCenterContent;
import dev.attest.trustcenter.TrustCenterPublished;
import dev.attest.trustcenter.EditDraft;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** Makes a draft the public Trust Center: what the public site shows changes at once, in one transaction. */
@Service
@RequiredArgsConstructor
public class Publication {

    private final Drafts drafts;
    private final DraftChecks checks;
    private final TrustCenterStore store;
    private final SharedResponsibility responsibility;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Saves the draft as submitted and publishes it in one transaction: what the editor shows is what goes
     * public, and nothing is saved or published when a field is refused.
     */
    @Transactional
    public PublishedTrustCenter saveAndPublish(WorkspaceId workspace, EditDraft draft, String actor) {
        drafts.saveDraft(workspace, draft, actor);
        return publish(workspace, actor);
    }

    /** Makes the current draft the public Trust Center. */
    @Transactional
    public PublishedTrustCenter publish(WorkspaceId workspace, String actor) {
        TrustCenterContent draft = checks.checked(workspace, EditDraft.of(drafts.draft(workspace)));
        // the matrix is taken from the control library at this moment, like a snapshot of the rest of the page
        TrustCenterContent published = draft.sharedResponsibility() ? draft.withSharedResponsibility(true, responsibility.matrix(workspace)
                .stream().map(r -> new SharedResponsibilityEntry(r.control(), r.controlName(), r.domain(), r.party().wireName(),
                        r.providerName(), r.customerGuidance(), r.providerDuty())).toList()) : draft;
        store.publish(workspace, drafts.write(published), clock.instant(), actor);
        events.publishEvent(new TrustCenterPublished(workspace, draft.company(), actor));
        return drafts.published(workspace).orElseThrow();
    }
}
