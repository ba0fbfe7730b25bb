package dev.attest.policies.internal;

import dev.attest.controls.AdoptedFramework;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.policies.ChangePolicy;
import dev.attest.policies.CreatePolicy;
import dev.attest.policies.DraftEdited;
import dev.attest.policies.DraftStarted;
import dev.attest.policies.EditDraft;
import dev.attest.policies.Policy;
import dev.attest.policies.PolicyCreated;
import dev.attest.policies.PolicyStateException;
import dev.attest.policies.PolicySummary;
import dev.attest.policies.PolicyTemplate;
import dev.attest.policies.PolicyUpdated;
import dev.attest.policies.PolicyVersion;
import dev.attest.web.InvalidFieldException;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writing policies: a policy from a template (filled from the workspace settings, with the sections
 * of the frameworks it pursues) or by hand, its title, owner and review date, its drafts and their text.
 */
@Service
@Validated
@RequiredArgsConstructor
public class Drafting {

    private final PolicyStore store;
    private final PolicyRegister register;
    private final PolicySettings settings;
    private final TemplateLibrary templates;
    /** Looked up when needed: the controls module's signal sources reach back to policies' resources. */
    private final ObjectProvider<WorkspaceControls> controls;
    private final WorkspaceMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public List<PolicyTemplate> templates() {
        return templates.templates();
    }

    /** Whether an owner's email names a member of the workspace; blank (no owner) is fine. */
    boolean knownOwner(WorkspaceId workspace, String owner) {
        return owner == null || owner.isBlank() || members.memberByEmail(workspace, owner.strip()).isPresent();
    }

    /**
     * Creates a policy from a template, its first draft filled from the workspace settings and
     * holding the template's sections for the frameworks the workspace pursues.
     */
    @Transactional
    public PolicySummary createFromTemplate(WorkspaceId workspace, String templateKey, String owner, String actor) {
        PolicyTemplate template = templates.template(templateKey == null ? "" : templateKey)
                .orElseThrow(() -> new InvalidFieldException("template", "is not a known template"));
        Set<String> adopted = new HashSet<>();
        controls.getObject().adopted(workspace).stream().map(AdoptedFramework::frameworkId).forEach(adopted::add);
        String body = TemplateLibrary.fill(TemplateLibrary.forFrameworks(template.body(), adopted), settings.settings(workspace));
        return create(workspace, new CreatePolicy(template.title(), body, owner), template.key(), template.controls(), actor);
    }

    /** Creates one policy for every template the workspace has not used yet. */
    @Transactional
    public List<PolicySummary> createFromAllTemplates(WorkspaceId workspace, String owner, String actor) {
        Set<String> used = new HashSet<>();
        store.policies(workspace).forEach(p -> used.add(p.templateKey()));
        List<PolicySummary> created = new ArrayList<>();
        for (PolicyTemplate template : templates.templates()) {
            if (!used.contains(template.key())) {
                created.add(createFromTemplate(workspace, template.key(), owner, actor));
            }
        }
        return created;
    }

    /** A policy written by hand: {@code templateKey} and {@code controls} are those of a template, or null and none. */
    @Transactional
    public PolicySummary create(WorkspaceId workspace, @Valid CreatePolicy command, String templateKey, List<String> controls,
                                String actor) {
        requireOwner(workspace, command.owner());
        Instant now = clock.instant();
        Policy policy = Policy.created(command, templateKey, controls, now, actor);
        store.insertPolicy(workspace, policy);
        store.insertVersion(workspace, PolicyVersion.first(policy.id(), command.body(), now, actor));
        events.publishEvent(new PolicyCreated(workspace, actor, policy.id(), policy.title(), 1));
        return register.get(workspace, policy.id());
    }

    /** Sets the owner, the title or the review date; what the command leaves out stays. */
    @Transactional
    public PolicySummary update(WorkspaceId workspace, UUID id, @Valid ChangePolicy command, String actor) {
        Policy current = register.require(workspace, id);
        if (command.owner() != null) {
            requireOwner(workspace, command.owner());
        }
        Policy updated = current.change(command);
        store.updatePolicy(workspace, updated);
        events.publishEvent(new PolicyUpdated(workspace, actor, id, updated.title(), 0));
        return register.get(workspace, id);
    }

    /** Changes the text of a draft; a version past draft is refused with a message saying what to do instead. */
    @Transactional
    public PolicyVersion edit(WorkspaceId workspace, UUID id, int number, @Valid EditDraft command, String actor) {
        PolicyVersion edited = register.version(workspace, id, number).edit(command.body());
        store.updateOpenVersion(workspace, edited);
        events.publishEvent(new DraftEdited(workspace, actor, id, register.require(workspace, id).title(), number));
        return edited;
    }

    /** Starts a new draft from the latest version (normally the published one); only one version is open at a time. */
    @Transactional
    public PolicyVersion newDraft(WorkspaceId workspace, UUID id, String actor) {
        List<PolicyVersion> versions = register.versions(workspace, id);
        if (versions.stream().anyMatch(PolicyVersion::open)) {
            throw new PolicyStateException("This policy already has a version being worked on; finish or edit it first.");
        }
        PolicyVersion draft = versions.get(versions.size() - 1).nextDraft(clock.instant(), actor);
        store.insertVersion(workspace, draft);
        events.publishEvent(new DraftStarted(workspace, actor, id, register.require(workspace, id).title(), draft.number()));
        return draft;
    }

    private void requireOwner(WorkspaceId workspace, String owner) {
        if (!knownOwner(workspace, owner)) {
            throw new InvalidFieldException("owner", "must be a member of this workspace");
        }
    }
}
