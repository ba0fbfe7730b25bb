package dev.attest.policies.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.policies.DiffRow;
import dev.attest.policies.PolicySummary;
import dev.attest.policies.PolicyTemplate;
import dev.attest.policies.PolicyVersion;
import dev.attest.policies.VersionAction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/policies")
@Tag(name = "Policies", description = "Policy documents, versions, approval, publication, review and templates")
@RequiredArgsConstructor
class PoliciesApi {

    private static final Set<String> CREATE_FIELDS = Set.of("template", "title", "body", "owner");
    private static final Set<String> PATCH_FIELDS = Set.of("title", "owner", "reviewDue");

    private final PolicyRegister register;
    private final Drafting drafting;
    private final Approval approval;
    private final PolicySettings settings;
    private final PolicyExport export;
    private final MarkdownRenderer markdown;
    private final PolicyForms forms;

    record VersionView(int number, String status, String hash, Instant createdAt, String createdBy, Instant submittedAt,
                       String submittedBy, Instant approvedAt, String approvedBy, Instant publishedAt, String publishedBy, String body) {

        static VersionView of(PolicyVersion v, boolean withBody) {
            return v == null ? null : new VersionView(v.number(), v.status().wireName(), v.hash(), v.createdAt(), v.createdBy(),
                    v.submittedAt(), v.submittedBy(), v.approvedAt(), v.approvedBy(), v.publishedAt(), v.publishedBy(),
                    withBody ? v.body() : null);
        }
    }

    record PolicyView(UUID id, String title, String template, String owner, List<String> controls, LocalDate reviewDue,
                      String review, VersionView current, VersionView open) {

        static PolicyView of(PolicySummary s) {
            var p = s.policy();
            return new PolicyView(p.id(), p.title(), p.templateKey(), p.owner(), p.controls(), p.reviewDue(), s.review().wireName(),
                    VersionView.of(s.current(), false), VersionView.of(s.open(), false));
        }
    }

    /** frameworkSections: the frameworks whose sections a policy keeps only when the workspace pursues them. */
    record TemplateView(String key, String title, List<String> controls, List<String> frameworkSections, String body) {
    }

    @GetMapping("/templates")
    @RequiresPermission(Permission.POLICIES_READ)
    @Operation(summary = "The shipped policy templates with their placeholders and the controls they support")
    List<TemplateView> templates() {
        return drafting.templates().stream().map(t -> new TemplateView(t.key(), t.title(), t.controls(),
                TemplateLibrary.frameworkSections(t.key(), t.body()), t.body())).toList();
    }

    @GetMapping("/settings")
    @RequiresPermission(Permission.POLICIES_READ)
    @Operation(summary = "The workspace settings that fill template placeholders")
    Map<String, String> settings(CurrentUser user) {
        return settings.settings(user.workspaceId());
    }

    @PutMapping("/settings")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Change placeholder settings (admins); names left out keep their value")
    Map<String, String> saveSettings(CurrentUser user, @RequestBody Map<String, String> body) {
        return settings.save(user.workspaceId(), body, user.actor());
    }

    @GetMapping
    @RequiresPermission(Permission.POLICIES_READ)
    @Operation(summary = "Every policy with its current version, open version and review state (current, due, overdue)")
    List<PolicyView> list(CurrentUser user) {
        return register.list(user.workspaceId()).stream().map(PolicyView::of).toList();
    }

    @PostMapping
    @RequiresPermission(Permission.POLICIES_WRITE)
    @Operation(summary = "Create a policy from a template ({template, owner}) or by hand ({title, body, owner})")
    ResponseEntity<PolicyView> create(CurrentUser user, @RequestBody Map<String, String> body) {
        PolicyForms.unknownFields(body.keySet(), CREATE_FIELDS);
        PolicySummary created = body.containsKey("template")
                ? drafting.createFromTemplate(user.workspaceId(), body.get("template"), body.get("owner"), user.actor())
                : drafting.create(user.workspaceId(), forms.create(user.workspaceId(), body.get("title"), body.get("body"), body.get("owner")),
                        null, List.of(), user.actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(PolicyView.of(created));
    }

    @PostMapping("/from-templates")
    @RequiresPermission(Permission.POLICIES_WRITE)
    @Operation(summary = "Create one policy from every template not used yet")
    ResponseEntity<List<PolicyView>> createAll(CurrentUser user, @RequestBody(required = false) Map<String, String> body) {
        String owner = body == null ? null : body.get("owner");
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(drafting.createFromAllTemplates(user.workspaceId(), owner, user.actor()).stream().map(PolicyView::of).toList());
    }

    @PostMapping("/preview")
    @RequiresPermission(Permission.POLICIES_READ)
    @Operation(summary = "Render Markdown as the policy page shows it (sanitized HTML)")
    Map<String, String> preview(@RequestBody Map<String, String> body) {
        return Map.of("html", markdown.html(body.getOrDefault("body", "")));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.POLICIES_READ)
    @Operation(summary = "One policy")
    PolicyView get(CurrentUser user, @PathVariable UUID id) {
        return PolicyView.of(register.get(user.workspaceId(), id));
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permission.POLICIES_WRITE)
    @Operation(summary = "Change title, owner (a member's email) or review date (yyyy-mm-dd)")
    PolicyView patch(CurrentUser user, @PathVariable UUID id, @RequestBody Map<String, String> body) {
        PolicyForms.unknownFields(body.keySet(), PATCH_FIELDS);
        return PolicyView.of(drafting.update(user.workspaceId(), id,
                forms.change(user.workspaceId(), body.get("title"), body.get("owner"), body.get("reviewDue")), user.actor()));
    }

    @GetMapping("/{id}/versions")
    @RequiresPermission(Permission.POLICIES_READ)
    @Operation(summary = "Every version of a policy, oldest first")
    List<VersionView> versions(CurrentUser user, @PathVariable UUID id) {
        return register.versions(user.workspaceId(), id).stream().map(v -> VersionView.of(v, false)).toList();
    }

    @PostMapping("/{id}/versions")
    @RequiresPermission(Permission.POLICIES_WRITE)
    @Operation(summary = "Start a new draft from the latest version")
    ResponseEntity<VersionView> newDraft(CurrentUser user, @PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(VersionView.of(drafting.newDraft(user.workspaceId(), id, user.actor()), true));
    }

    @GetMapping("/{id}/versions/{number}")
    @RequiresPermission(Permission.POLICIES_READ)
    @Operation(summary = "One version with its Markdown body")
    VersionView version(CurrentUser user, @PathVariable UUID id, @PathVariable String number) {
        return VersionView.of(register.version(user.workspaceId(), id, version(number)), true);
    }

    @PutMapping("/{id}/versions/{number}")
    @RequiresPermission(Permission.POLICIES_WRITE)
    @Operation(summary = "Replace a draft's Markdown body ({body}); a published version is refused with 409")
    VersionView edit(CurrentUser user, @PathVariable UUID id, @PathVariable String number, @RequestBody Map<String, String> body) {
        PolicyForms.unknownFields(body.keySet(), Set.of("body"));
        return VersionView.of(drafting.edit(user.workspaceId(), id, version(number), forms.edit(body.get("body")), user.actor()), true);
    }

    @PostMapping("/{id}/versions/{number}/submit")
    @RequiresPermission(Permission.POLICIES_WRITE)
    @Operation(summary = "Submit a draft for review")
    VersionView submit(CurrentUser user, @PathVariable UUID id, @PathVariable String number) {
        return step(user, id, number, VersionAction.SUBMIT);
    }

    @PostMapping("/{id}/versions/{number}/return")
    @RequiresPermission(Permission.POLICIES_WRITE)
    @Operation(summary = "Return a version in review or approved to draft")
    VersionView returnToDraft(CurrentUser user, @PathVariable UUID id, @PathVariable String number) {
        return step(user, id, number, VersionAction.RETURN);
    }

    @PostMapping("/{id}/versions/{number}/approve")
    @RequiresPermission(Permission.POLICIES_APPROVE)
    @Operation(summary = "Approve a version in review (records the approver and time)")
    VersionView approve(CurrentUser user, @PathVariable UUID id, @PathVariable String number) {
        return step(user, id, number, VersionAction.APPROVE);
    }

    @PostMapping("/{id}/versions/{number}/publish")
    @RequiresPermission(Permission.POLICIES_APPROVE)
    @Operation(summary = "Publish an approved version; the review date becomes one year later")
    VersionView publish(CurrentUser user, @PathVariable UUID id, @PathVariable String number) {
        return step(user, id, number, VersionAction.PUBLISH);
    }

    @GetMapping("/{id}/versions/{number}/pdf")
    @RequiresPermission(Permission.POLICIES_READ)
    @Operation(summary = "A published version as PDF, with its version, approver and dates")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable UUID id, @PathVariable String number) {
        return PolicyPages.pdfResponse(export.version(user.workspaceId(), id, version(number)), "policy-" + id + "-v" + version(number) + ".pdf");
    }

    @GetMapping("/export")
    @RequiresPermission(Permission.POLICIES_READ)
    @Operation(summary = "Every current published policy in one PDF with a table of contents")
    ResponseEntity<byte[]> export(CurrentUser user) {
        return PolicyPages.pdfResponse(export.publishedSet(user.workspaceId()), "policies.pdf");
    }

    record Comparison(int from, int to, List<DiffRowView> rows) {
    }

    record DiffRowView(String kind, String left, String right) {
    }

    @GetMapping("/{id}/compare")
    @RequiresPermission(Permission.POLICIES_READ)
    @Operation(summary = "Two versions side by side, line by line (kind: same, changed, removed, added)")
    Comparison compare(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to) {
        List<DiffRow> rows = register.compare(user.workspaceId(), id, version(from), version(to));
        return new Comparison(version(from), version(to), rows.stream().map(r -> new DiffRowView(r.kind().wireName(), r.left(), r.right())).toList());
    }

    private VersionView step(CurrentUser user, UUID id, String number, VersionAction action) {
        return VersionView.of(approval.take(user.workspaceId(), id, version(number), action, user.actor()), false);
    }

    private static int version(String number) {
        return PolicyForms.version(number);
    }
}
