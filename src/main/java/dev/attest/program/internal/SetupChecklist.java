package dev.attest.program.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Framework;
import dev.attest.controls.AdoptedFramework;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.PasswordChanged;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.monitoring.CollectorConnections;
import dev.attest.policies.Policies;
import dev.attest.program.SetupStepRecorded;
import dev.attest.trustcenter.TrustCenter;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first-run setup checklist of a workspace. A step is done when the admin finished it here, or when what it
 * asks for is already true (a published Trust Center, a second member, a connection); it can be skipped; the
 * state is kept per workspace, so every admin of the workspace sees the same list.
 */
@Service
@RequiredArgsConstructor
class SetupChecklist {

    static final String DONE = "done";
    static final String SKIPPED = "skipped";

    /** One step as the checklist shows it: open, done or skipped. */
    record StepView(SetupStep step, String state) {
        public boolean open() {
            return state == null;
        }
    }

    /** The whole checklist: its steps and how many are settled. */
    record Progress(List<StepView> steps) {
        public long settled() {
            return steps.stream().filter(s -> !s.open()).count();
        }

        public boolean finished() {
            return settled() == steps.size();
        }
    }

    /** What the company step asks: names and contacts that fill policies and the Trust Center. */
    record CompanyDetails(String company, String securityContact, String reviewOwner, String summary) {
    }

    private final ProgramStore store;
    private final Policies policies;
    private final TrustCenter trustCenter;
    private final WorkspaceMembers members;
    private final CollectorConnections connections;
    private final WorkspaceControls controls;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Whether every step is settled, so the dashboard no longer shows the checklist. */
    boolean dismissed(WorkspaceId workspace) {
        return store.setupSteps(workspace).size() == SetupStep.values().length;
    }

    @Transactional
    Progress progress(CurrentUser user) {
        WorkspaceId workspace = user.workspaceId();
        Map<String, String> recorded = store.setupSteps(workspace);
        List<StepView> steps = new ArrayList<>();
        for (SetupStep step : SetupStep.values()) {
            String state = recorded.get(step.wireName());
            if (state == null && alreadyTrue(workspace, step)) {
                state = DONE;
            }
            steps.add(new StepView(step, state));
        }
        return new Progress(steps);
    }

    // What a step asks for may have been done elsewhere in Attest before anyone opened the checklist.
    private boolean alreadyTrue(WorkspaceId workspace, SetupStep step) {
        return switch (step) {
            case TEAM -> members.members(workspace).size() > 1;
            case SOURCE -> !connections.list(workspace).isEmpty();
            case TRUST_CENTER -> trustCenter.published(workspace).isPresent();
            default -> false;
        };
    }

    @Transactional
    void mark(CurrentUser user, SetupStep step, String state) {
        store.saveSetupStep(user.workspaceId(), step.wireName(), state, clock.instant(), user.actor());
        events.publishEvent(new SetupStepRecorded(user.workspaceId(), step.wireName(), state, user.actor()));
    }

    /** The company's name and contacts, read from where they are used. */
    CompanyDetails company(WorkspaceId workspace) {
        Map<String, String> settings = policies.settings(workspace);
        var draft = trustCenter.draft(workspace);
        return new CompanyDetails(draft.company(), settings.get("security_contact"), settings.get("review_owner"), draft.summary());
    }

    /** Fills the policies' placeholders and the Trust Center draft in one transaction: a refused field saves neither. */
    @Transactional
    void saveCompany(CurrentUser user, CompanyDetails details) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (details.company() == null || details.company().isBlank()) {
            errors.put("company", "Enter the company's name, as customers know it.");
        } else if (details.company().strip().length() > 200) {
            errors.put("company", "Use at most 200 characters.");
        }
        if (details.securityContact() == null || !TrustCenter.validEmail(details.securityContact().strip())) {
            errors.put("securityContact", "Enter the email address that receives security questions, e.g. security@example.com.");
        }
        if (details.reviewOwner() == null || details.reviewOwner().isBlank()) {
            errors.put("reviewOwner", "Name the role that reviews policies, e.g. the Head of Security.");
        }
        if (details.summary() != null && details.summary().length() > 2000) {
            errors.put("summary", "Use at most 2000 characters.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        String company = details.company().strip();
        String contact = details.securityContact().strip();
        policies.saveSettings(user.workspaceId(), Map.of("company_name", company, "security_contact", contact,
                "review_owner", details.reviewOwner().strip()), user.actor());
        var draft = trustCenter.draft(user.workspaceId());
        String summary = details.summary() == null || details.summary().isBlank() ? draft.summary() : details.summary().strip();
        trustCenter.saveDraft(user.workspaceId(), draft.withCompany(company, summary, contact, contact), user.actor());
        mark(user, SetupStep.COMPANY, DONE);
    }

    /** The frameworks adopted now, with their scope. */
    Map<String, AdoptedFramework> adopted(WorkspaceId workspace) {
        Map<String, AdoptedFramework> adopted = new LinkedHashMap<>();
        controls.adopted(workspace).forEach(a -> adopted.put(a.frameworkId(), a));
        return adopted;
    }

    /** Adopts the chosen frameworks with their chosen categories and drops the others. */
    @Transactional
    void saveFrameworks(CurrentUser user, Set<String> chosen, Map<String, Set<String>> categories) {
        if (chosen.isEmpty()) {
            throw new InvalidFieldException("frameworks", "Choose at least one framework.");
        }
        for (String id : chosen) {
            if (catalog.framework(id).isEmpty()) {
                throw new InvalidFieldException("frameworks", "'" + id + "' is not a framework of the catalog.");
            }
        }
        WorkspaceId workspace = user.workspaceId();
        Set<String> before = adopted(workspace).keySet();
        for (Framework framework : catalog.frameworks()) {
            if (chosen.contains(framework.id())) {
                Set<String> scope = framework.categories().isEmpty() ? Set.of()
                        : categories.getOrDefault(framework.id(), Set.copyOf(framework.defaultCategories()));
                controls.adopt(workspace, framework.id(), scope, user.actor());
            } else if (before.contains(framework.id())) {
                controls.drop(workspace, framework.id(), user.actor());
            }
        }
        mark(user, SetupStep.FRAMEWORKS, DONE);
    }

    /** Changing a password settles the checklist's password step for that workspace. */
    @EventListener
    void on(PasswordChanged event) {
        if (!store.setupSteps(event.workspaceId()).containsKey(SetupStep.PASSWORD.wireName())) {
            store.saveSetupStep(event.workspaceId(), SetupStep.PASSWORD.wireName(), DONE, clock.instant(), event.actor());
            events.publishEvent(new SetupStepRecorded(event.workspaceId(), SetupStep.PASSWORD.wireName(), DONE, event.actor()));
        }
    }
}
