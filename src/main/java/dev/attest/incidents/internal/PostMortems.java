package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.ActionItemAdded;
import dev.attest.incidents.ActionItemCompleted;
import dev.attest.incidents.ActionItemReopened;
import dev.attest.incidents.AddActionItem;
import dev.attest.incidents.IncidentEvent;
import dev.attest.incidents.OpenActionItem;
import dev.attest.incidents.PostMortem;
import dev.attest.incidents.PostMortemWritten;
import dev.attest.incidents.TimelineEntry;
import dev.attest.incidents.WritePostMortem;
import dev.attest.web.NotFoundException;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What an incident taught: its post-mortem and the action items, each with an owner and a due date. */
@Service
@Validated
@RequiredArgsConstructor
public class PostMortems {

    private final IncidentStore store;
    private final MemberEmails members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The post-mortem, empty while none was written. */
    @Transactional(readOnly = true)
    public PostMortem postMortem(WorkspaceId workspace, UUID id) {
        store.require(workspace, id);
        return store.postMortem(workspace, id).orElse(new PostMortem(null, null, List.of(), null, null));
    }

    @Transactional
    public PostMortem write(WorkspaceId workspace, UUID id, @Valid WritePostMortem command, String actor) {
        store.require(workspace, id);
        Instant now = clock.instant();
        store.savePostMortem(workspace, id, command.rootCause(), command.lessons(), now, actor);
        store.insertTimeline(workspace, id, TimelineEntry.of(now, actor, "Post-mortem written"), now);
        events.publishEvent(new PostMortemWritten(workspace, actor, id, "root cause: " + IncidentEvent.brief(command.rootCause())));
        return postMortem(workspace, id);
    }

    @Transactional
    public PostMortem.ActionItem addAction(WorkspaceId workspace, UUID id, @Valid AddActionItem command, String actor) {
        store.require(workspace, id);
        String owner = members.require(workspace, command.owner(), "owner");
        Instant now = clock.instant();
        PostMortem.ActionItem item = new PostMortem.ActionItem(UUID.randomUUID(), command.description(), owner, command.dueOn(), null);
        store.insertAction(workspace, id, item, now);
        String text = IncidentEvent.brief(command.description());
        store.insertTimeline(workspace, id, TimelineEntry.of(now, actor, "Action item for " + owner + " due " + item.dueOn() + ": " + text), now);
        events.publishEvent(new ActionItemAdded(workspace, actor, id, text));
        return item;
    }

    /** Marks an action item done, or not done again. */
    @Transactional
    public void completeAction(WorkspaceId workspace, UUID id, UUID actionId, boolean done, String actor) {
        store.require(workspace, id);
        if (!store.setActionDone(workspace, id, actionId, done ? clock.instant() : null)) {
            throw new NotFoundException("No action item " + actionId);
        }
        String summary = "action item " + actionId;
        events.publishEvent(done ? new ActionItemCompleted(workspace, actor, id, summary) : new ActionItemReopened(workspace, actor, id, summary));
    }

    /** The workspace's open action items, soonest due first. */
    @Transactional(readOnly = true)
    public List<OpenActionItem> openActions(WorkspaceId workspace) {
        return store.openActions(workspace);
    }
}
