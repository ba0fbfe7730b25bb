package dev.attest.trustcenter.internal;

import dev.attest.identity.WorkspaceCreated;
import dev.attest.identity.WorkspaceId;
import dev.attest.trustcenter.EditDraft;
import dev.attest.trustcenter.PublishedTrustCenter;
import dev.attest.trustcenter.TrustCenter;
import dev.attest.trustcenter.TrustCenterContent;
import dev.attest.trustcenter.TrustCenterDraftSaved;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The Trust Center's draft: every workspace gets one when it is created, an admin replaces it field by field
 * checked, and the published snapshot is read back beside it. Publishing is {@link Publication}'s job.
 */
@Service
@RequiredArgsConstructor
public class Drafts implements TrustCenter {

    private final TrustCenterStore store;
    private final DraftChecks checks;
    private final TrustCenterProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Every new workspace gets an empty Trust Center, remembered by slug for the public site. */
    @EventListener
    void on(WorkspaceCreated created) {
        if (store.find(created.workspaceId()).isEmpty()) {
            store.insert(created.workspaceId(), created.slug(), write(TrustCenterContent.empty(created.name())), clock.instant());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<WorkspaceId> publicWorkspace() {
        List<TrustCenterStore.Row> all = store.all();
        return all.stream().filter(r -> properties.workspace().equals(r.slug())).findFirst()
                .or(() -> all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty())
                .map(TrustCenterStore.Row::workspace);
    }

    @Override
    @Transactional
    public TrustCenterContent draft(WorkspaceId workspace) {
        return read(row(workspace).draft());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PublishedTrustCenter> published(WorkspaceId workspace) {
        return store.find(workspace).filter(r -> r.published() != null)
                .map(r -> new PublishedTrustCenter(read(r.published()), r.publishedAt(), r.publishedBy()));
    }

    @Override
    @Transactional
    public TrustCenterContent saveDraft(WorkspaceId workspace, EditDraft draft, String actor) {
        row(workspace);
        TrustCenterContent clean = checks.checked(workspace, draft);
        store.saveDraft(workspace, write(clean), clock.instant());
        events.publishEvent(new TrustCenterDraftSaved(workspace, clean.company(), actor));
        return clean;
    }

    private TrustCenterStore.Row row(WorkspaceId workspace) {
        return store.find(workspace).orElseGet(() -> {
            store.insert(workspace, null, write(TrustCenterContent.empty("Our company")), clock.instant());
            return store.find(workspace).orElseThrow();
        });
    }

    String write(TrustCenterContent content) {
        return json.writeValueAsString(content);
    }

    private TrustCenterContent read(String text) {
        return json.readValue(text, TrustCenterContent.class);
    }
}
