package dev.attest.policies;

import dev.attest.crypto.Digests;
import dev.attest.controls.AdoptedFramework;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.policies.internal.LineDiff;
import dev.attest.policies.internal.MarkdownRenderer;
import dev.attest.policies.internal.PolicyPdf;
import dev.attest.policies.internal.PolicyStore;
import dev.attest.policies.internal.TemplateLibrary;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A workspace's policies: created from templates or by hand, edited as drafts, taken through review,
 * approval and publication, compared version by version, reviewed on a cycle and accepted by people.
 * Every change publishes a {@link PolicyChanged} or {@link PolicyAccepted} event.
 */
@Service
public class Policies {

    /**
     * The workspace setting (on unless set to "false") that a version is approved by someone other than the
     * person who drafted or submitted it: four eyes on every policy.
     */
    public static final String SEPARATE_APPROVER = "separate_approver";

    /** The settings that fill template placeholders, with the value used until an admin sets one. */
    public static final Map<String, String> SETTING_DEFAULTS;

    static {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("company_name", "the Company");
        defaults.put("security_contact", "security@example.com");
        defaults.put("review_owner", "the Head of Security");
        defaults.put("retention_period", "90 days");
        defaults.put("backup_retention", "35 days");
        defaults.put("log_retention", "one year");
        defaults.put("recovery_time_objective", "4 hours");
        defaults.put("recovery_point_objective", "1 hour");
        defaults.put("patch_window_critical", "7 days");
        defaults.put(SEPARATE_APPROVER, "true");
        SETTING_DEFAULTS = java.util.Collections.unmodifiableMap(defaults);
    }

    static final int MAX_BODY = 200_000;
    static final int MAX_TITLE = 200;
    static final int DUE_SOON_DAYS = 30;

    private final PolicyStore store;
    private final TemplateLibrary templates;
    /** Looked up when needed: the controls module's signal sources reach back to policies' resources. */
    private final ObjectProvider<WorkspaceControls> controls;
    private final MarkdownRenderer markdown;
    private final PolicyPdf pdf;
    private final WorkspaceMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Policies(PolicyStore store, TemplateLibrary templates, MarkdownRenderer markdown, PolicyPdf pdf, WorkspaceMembers members,
             ObjectProvider<WorkspaceControls> controls, ApplicationEventPublisher events, Clock clock) {
        this.controls = controls;
        this.pdf = pdf;
        this.store = store;
        this.templates = templates;
        this.markdown = markdown;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    public List<PolicyTemplate> templates() {
        return templates.templates();
    }

    /** The placeholder values of the workspace: what an admin set, else the defaults. */
    @Transactional(readOnly = true)
    public Map<String, String> settings(WorkspaceId workspace) {
        Map<String, String> values = new LinkedHashMap<>(SETTING_DEFAULTS);
        store.settings(workspace).forEach((k, v) -> {
            if (values.containsKey(k)) {
                values.put(k, v);
            }
        });
        return values;
    }

    @Transactional
    public Map<String, String> saveSettings(WorkspaceId workspace, Map<String, String> changes, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        changes.forEach((name, value) -> {
            if (!SETTING_DEFAULTS.containsKey(name)) {
                errors.put(name, "is not a setting; known settings: " + String.join(", ", SETTING_DEFAULTS.keySet()));
            } else if (name.equals(SEPARATE_APPROVER) && !"true".equals(value) && !"false".equals(value)) {
                errors.put(name, "must be true or false");
            } else if (value == null || value.isBlank()) {
                errors.put(name, "must not be empty");
            } else if (value.length() > 1000) {
                errors.put(name, "must be at most 1000 characters");
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        changes.forEach((name, value) -> store.saveSetting(workspace, name, value.strip()));
        events.publishEvent(new PolicySettingsChanged(workspace, Set.copyOf(changes.keySet()), actor));
        return settings(workspace);
    }

    /**
     * Creates a policy from a template, its first draft filled from the workspace settings and
     * holding the template's sections for the frameworks the workspace pursues.
     */
    @Transactional
    public PolicySummary createFromTemplate(WorkspaceId workspace, String templateKey, String owner, String actor) {
        PolicyTemplate template = templates.template(templateKey == null ? "" : templateKey)
                .orElseThrow(() -> new InvalidFieldException("template", "is not a known template"));
        Set<String> adopted = new java.util.HashSet<>();
        controls.getObject().adopted(workspace).stream().map(AdoptedFramework::frameworkId).forEach(adopted::add);
        String body = TemplateLibrary.fill(TemplateLibrary.forFrameworks(template.body(), adopted), settings(workspace));
        return create(workspace, template.title(), template.key(), body, owner, template.controls(), actor);
    }

    /** Creates one policy for every template the workspace has not used yet. */
    @Transactional
    public List<PolicySummary> createFromAllTemplates(WorkspaceId workspace, String owner, String actor) {
        Set<String> used = new java.util.HashSet<>();
        store.policies(workspace).forEach(p -> used.add(p.templateKey()));
        List<PolicySummary> created = new ArrayList<>();
        for (PolicyTemplate template : templates.templates()) {
            if (!used.contains(template.key())) {
                created.add(createFromTemplate(workspace, template.key(), owner, actor));
            }
        }
        return created;
    }

    @Transactional
    public PolicySummary create(WorkspaceId workspace, String title, String templateKey, String body, String owner,
                                List<String> controls, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkTitle(title, errors);
        checkBody(body, errors);
        checkOwner(workspace, owner, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Instant now = clock.instant();
        Policy policy = new Policy(UUID.randomUUID(), title.strip(), templateKey, blankToNull(owner), controls, null, now, actor);
        store.insertPolicy(workspace, policy);
        store.insertVersion(workspace, new PolicyVersion(UUID.randomUUID(), policy.id(), 1, VersionStatus.DRAFT, body, hash(body),
                now, actor, null, null, null, null, null, null));
        events.publishEvent(new PolicyChanged(workspace, policy.id(), policy.title(), 1, "created", actor));
        return get(workspace, policy.id());
    }

    /** The policies whose title contains the term or whose id it is, by title, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Policy> search(WorkspaceId workspace, dev.attest.web.SearchTerm term, int limit) {
        return store.search(workspace, term, limit);
    }

    @Transactional(readOnly = true)
    public List<PolicySummary> list(WorkspaceId workspace) {
        Map<UUID, List<PolicyVersion>> versions = store.allVersions(workspace);
        LocalDate today = today();
        return store.policies(workspace).stream()
                .map(p -> summary(p, versions.getOrDefault(p.id(), List.of()), today)).toList();
    }

    /** One policy; an id from another workspace is a 404. */
    @Transactional(readOnly = true)
    public PolicySummary get(WorkspaceId workspace, UUID id) {
        Policy policy = policy(workspace, id);
        return summary(policy, store.versions(workspace, id), today());
    }

    @Transactional(readOnly = true)
    public List<PolicyVersion> versions(WorkspaceId workspace, UUID id) {
        policy(workspace, id);
        return store.versions(workspace, id);
    }

    @Transactional(readOnly = true)
    public PolicyVersion version(WorkspaceId workspace, UUID id, int number) {
        return versions(workspace, id).stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("No version " + number + " of this policy"));
    }

    /** Sets the owner, the title or the review date; null leaves a value as it is. */
    @Transactional
    public PolicySummary update(WorkspaceId workspace, UUID id, String title, String owner, LocalDate reviewDue, String actor) {
        Policy current = policy(workspace, id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (title != null) {
            checkTitle(title, errors);
        }
        if (owner != null) {
            checkOwner(workspace, owner, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Policy updated = new Policy(id, title == null ? current.title() : title.strip(), current.templateKey(),
                owner == null ? current.owner() : blankToNull(owner), current.controls(),
                reviewDue == null ? current.reviewDue() : reviewDue, current.createdAt(), current.createdBy());
        store.updatePolicy(workspace, updated);
        events.publishEvent(new PolicyChanged(workspace, id, updated.title(), 0, "updated", actor));
        return get(workspace, id);
    }

    /** Changes the text of a draft; a version past draft is refused with a message saying what to do instead. */
    @Transactional
    public PolicyVersion edit(WorkspaceId workspace, UUID id, int number, String body, String actor) {
        PolicyVersion v = version(workspace, id, number);
        switch (v.status()) {
            case PUBLISHED -> throw new PolicyStateException("Version " + number
                    + " is published and can never change. Start a new draft from it instead.");
            case IN_REVIEW, APPROVED -> throw new PolicyStateException("Version " + number + " is " + v.status().label().toLowerCase()
                    + "; return it to draft before editing it.");
            case DRAFT -> { }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        checkBody(body, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        PolicyVersion edited = new PolicyVersion(v.id(), v.policyId(), v.number(), v.status(), body, hash(body), v.createdAt(),
                v.createdBy(), null, null, null, null, null, null);
        store.updateOpenVersion(workspace, edited);
        events.publishEvent(new PolicyChanged(workspace, id, policy(workspace, id).title(), number, "edited", actor));
        return edited;
    }

    /** Starts a new draft from the latest version (normally the published one); only one version is open at a time. */
    @Transactional
    public PolicyVersion newDraft(WorkspaceId workspace, UUID id, String actor) {
        List<PolicyVersion> versions = versions(workspace, id);
        if (versions.stream().anyMatch(PolicyVersion::open)) {
            throw new PolicyStateException("This policy already has a version being worked on; finish or edit it first.");
        }
        PolicyVersion latest = versions.get(versions.size() - 1);
        PolicyVersion draft = new PolicyVersion(UUID.randomUUID(), id, latest.number() + 1, VersionStatus.DRAFT, latest.body(),
                latest.hash(), clock.instant(), actor, null, null, null, null, null, null);
        store.insertVersion(workspace, draft);
        events.publishEvent(new PolicyChanged(workspace, id, policy(workspace, id).title(), draft.number(), "drafted", actor));
        return draft;
    }

    /** Moves a version one step: submit (draft to in review), approve, publish, or return (back to draft). */
    @Transactional
    public PolicyVersion transition(WorkspaceId workspace, UUID id, int number, String action, String actor) {
        Policy policy = policy(workspace, id);
        PolicyVersion v = version(workspace, id, number);
        Instant now = clock.instant();
        PolicyVersion next = switch (action == null ? "" : action) {
            case "submit" -> {
                expect(v, VersionStatus.DRAFT, "submitted for review");
                yield with(v, VersionStatus.IN_REVIEW, now, actor, null, null, null, null);
            }
            case "approve" -> {
                expect(v, VersionStatus.IN_REVIEW, "approved");
                if (separateApprover(workspace) && (samePerson(actor, v.createdBy()) || samePerson(actor, v.submittedBy()))) {
                    throw new PolicyStateException("Version " + number + " was drafted or submitted by " + person(actor)
                            + ": someone else approves it (the workspace asks for a separate approver in the policy settings).");
                }
                yield with(v, VersionStatus.APPROVED, v.submittedAt(), v.submittedBy(), now, actor, null, null);
            }
            case "publish" -> {
                expect(v, VersionStatus.APPROVED, "published");
                yield with(v, VersionStatus.PUBLISHED, v.submittedAt(), v.submittedBy(), v.approvedAt(), v.approvedBy(), now, actor);
            }
            case "return" -> {
                if (v.status() == VersionStatus.PUBLISHED || v.status() == VersionStatus.DRAFT) {
                    throw new PolicyStateException("Only a version in review or approved can be returned to draft.");
                }
                yield with(v, VersionStatus.DRAFT, null, null, null, null, null, null);
            }
            default -> throw new InvalidFieldException("action", "must be one of submit, approve, publish, return");
        };
        store.updateOpenVersion(workspace, next);
        if (next.status() == VersionStatus.PUBLISHED) {
            LocalDate reviewDue = now.atZone(ZoneOffset.UTC).toLocalDate().plusYears(1);
            store.updatePolicy(workspace, new Policy(policy.id(), policy.title(), policy.templateKey(), policy.owner(), policy.controls(),
                    reviewDue, policy.createdAt(), policy.createdBy()));
        }
        String verb = switch (action) {
            case "submit" -> "submitted";
            case "approve" -> "approved";
            case "publish" -> "published";
            default -> "returned";
        };
        events.publishEvent(new PolicyChanged(workspace, id, policy.title(), number, verb, actor));
        return next;
    }

    /**
     * Per policy with a published version: how many members (auditors aside) accepted that version. People
     * outside the workspace's membership (the roster's employees without an account) are not counted.
     */
    @Transactional(readOnly = true)
    public Map<UUID, AcceptanceRate> acceptanceRates(WorkspaceId workspace) {
        Set<String> expected = new java.util.HashSet<>();
        members.members(workspace).stream().filter(m -> m.role() != dev.attest.identity.Role.AUDITOR)
                .forEach(m -> expected.add(m.email().toLowerCase(java.util.Locale.ROOT)));
        Map<UUID, Set<String>> acceptedByVersion = new java.util.HashMap<>();
        for (Acceptance a : store.acceptances(workspace, null)) {
            String email = a.email().toLowerCase(java.util.Locale.ROOT);
            if (expected.contains(email)) {
                acceptedByVersion.computeIfAbsent(a.versionId(), k -> new java.util.HashSet<>()).add(email);
            }
        }
        Map<UUID, AcceptanceRate> rates = new LinkedHashMap<>();
        for (PolicySummary s : list(workspace)) {
            if (s.current() != null) {
                rates.put(s.policy().id(), new AcceptanceRate(acceptedByVersion.getOrDefault(s.current().id(), Set.of()).size(),
                        expected.size()));
            }
        }
        return rates;
    }

    /** Whether this workspace asks for an approver other than the version's author. */
    @Transactional(readOnly = true)
    public boolean separateApprover(WorkspaceId workspace) {
        return !"false".equals(settings(workspace).get(SEPARATE_APPROVER));
    }

    // An actor is recorded as "email" or "email (token)": the same person either way.
    private static String person(String actor) {
        return actor == null ? "" : actor.replaceFirst(" \\(.*\\)$", "").strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean samePerson(String a, String b) {
        return a != null && b != null && person(a).equals(person(b));
    }

    private static void expect(PolicyVersion v, VersionStatus wanted, String what) {
        if (v.status() != wanted) {
            throw new PolicyStateException("Version " + v.number() + " is " + v.status().label().toLowerCase()
                    + "; only a version that is " + wanted.label().toLowerCase() + " can be " + what + ".");
        }
    }

    private static PolicyVersion with(PolicyVersion v, VersionStatus status, Instant submittedAt, String submittedBy,
                                      Instant approvedAt, String approvedBy, Instant publishedAt, String publishedBy) {
        return new PolicyVersion(v.id(), v.policyId(), v.number(), status, v.body(), v.hash(), v.createdAt(), v.createdBy(),
                submittedAt, submittedBy, approvedAt, approvedBy, publishedAt, publishedBy);
    }

    /** Two versions side by side, line by line. */
    @Transactional(readOnly = true)
    public List<DiffRow> compare(WorkspaceId workspace, UUID id, int from, int to) {
        return LineDiff.compare(version(workspace, id, from).body(), version(workspace, id, to).body());
    }

    /** A published version as a PDF with its version, approver and dates; other versions are refused. */
    @Transactional(readOnly = true)
    public byte[] pdf(WorkspaceId workspace, UUID id, int number) {
        PolicyVersion v = version(workspace, id, number);
        if (v.status() != VersionStatus.PUBLISHED) {
            throw new PolicyStateException("Only a published version is exported; version " + number + " is "
                    + v.status().label().toLowerCase() + ".");
        }
        return pdf.version(new PolicyPdf.Entry(policy(workspace, id), v), settings(workspace).get("company_name"));
    }

    /** Every policy's current published version in one PDF with a table of contents. */
    @Transactional(readOnly = true)
    public byte[] publishedSetPdf(WorkspaceId workspace) {
        List<PolicyPdf.Entry> entries = list(workspace).stream().filter(s -> s.current() != null)
                .map(s -> new PolicyPdf.Entry(s.policy(), s.current())).toList();
        return pdf.set(entries, settings(workspace).get("company_name"), clock.instant());
    }

    /** A text with the workspace's placeholder values filled in, e.g. an agreement another module shows. */
    @Transactional(readOnly = true)
    public String fill(WorkspaceId workspace, String text) {
        return TemplateLibrary.fill(text, settings(workspace));
    }

    /** Markdown as sanitized HTML, safe to put in a page as is. */
    public String render(String markdownText) {
        return markdown.html(markdownText);
    }

    /**
     * Records that a person accepted a published version. Only the current (latest published)
     * version can be accepted; accepting it again keeps the first record.
     */
    @Transactional
    public Acceptance accept(WorkspaceId workspace, UUID id, int number, String email, String address, String actor) {
        PolicySummary summary = get(workspace, id);
        PolicyVersion v = version(workspace, id, number);
        if (v.status() != VersionStatus.PUBLISHED) {
            throw new PolicyStateException("Version " + number + " is not published and cannot be accepted.");
        }
        if (summary.current() == null || summary.current().number() != number) {
            throw new PolicyStateException("Version " + number + " has been superseded by version "
                    + summary.current().number() + "; read and accept the current version.");
        }
        String who = email.strip().toLowerCase(java.util.Locale.ROOT);
        Acceptance acceptance = new Acceptance(id, v.id(), number, who, v.hash(), clock.instant(), address);
        if (!store.hasAccepted(workspace, v.id(), who)) {
            store.insertAcceptance(workspace, acceptance);
            events.publishEvent(new PolicyAccepted(workspace, id, summary.policy().title(), number, who, actor));
        }
        return store.acceptances(workspace, who).stream().filter(a -> a.versionId().equals(v.id())).findFirst().orElse(acceptance);
    }

    /** Acceptances of the workspace, or of one person when email is not null. */
    @Transactional(readOnly = true)
    public List<Acceptance> acceptances(WorkspaceId workspace, String email) {
        return store.acceptances(workspace, email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private Policy policy(WorkspaceId workspace, UUID id) {
        return store.policy(workspace, id).orElseThrow(() -> new NotFoundException("No such policy"));
    }

    private PolicySummary summary(Policy policy, List<PolicyVersion> versions, LocalDate today) {
        PolicyVersion current = null;
        PolicyVersion open = null;
        for (PolicyVersion v : versions) {
            if (v.status() == VersionStatus.PUBLISHED) {
                current = v;
            } else {
                open = v;
            }
        }
        return new PolicySummary(policy, current, open, reviewState(current, policy.reviewDue(), today));
    }

    static ReviewState reviewState(PolicyVersion current, LocalDate reviewDue, LocalDate today) {
        if (current == null || reviewDue == null) {
            return ReviewState.NOT_PUBLISHED;
        }
        if (today.isAfter(reviewDue)) {
            return ReviewState.OVERDUE;
        }
        return today.isBefore(reviewDue.minusDays(DUE_SOON_DAYS)) ? ReviewState.CURRENT : ReviewState.DUE;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static void checkTitle(String title, Map<String, String> errors) {
        if (title == null || title.isBlank()) {
            errors.put("title", "must not be empty");
        } else if (title.strip().length() > MAX_TITLE) {
            errors.put("title", "must be at most " + MAX_TITLE + " characters");
        }
    }

    private static void checkBody(String body, Map<String, String> errors) {
        if (body == null || body.isBlank()) {
            errors.put("body", "must not be empty");
        } else if (body.length() > MAX_BODY) {
            errors.put("body", "must be at most " + MAX_BODY + " characters");
        }
    }

    private void checkOwner(WorkspaceId workspace, String owner, Map<String, String> errors) {
        if (owner != null && !owner.isBlank() && members.memberByEmail(workspace, owner).isEmpty()) {
            errors.put("owner", "must be a member of this workspace");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    static String hash(String body) {
        return Digests.sha256Hex(body);
    }

}
