package dev.attest.accessreviews.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.accessreviews.Decide;
import dev.attest.accessreviews.SaveSystem;
import dev.attest.accessreviews.CreateCampaign;
import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountSource;
import dev.attest.accessreviews.Campaign;
import dev.attest.accessreviews.DecisionRecord;
import dev.attest.accessreviews.RemediationTask;
import dev.attest.accessreviews.ReviewItem;
import dev.attest.accessreviews.ReviewSystem;
import dev.attest.identity.CurrentUser;
import dev.attest.accessreviews.Flag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Access reviews through the API: systems and their accounts, campaigns, decisions and remediation tasks. */
@RestController
@RequestMapping("/api/v1/access-reviews")
@Tag(name = "Access reviews", description = "Account sources, review campaigns, decisions and verified remediation")
@RequiredArgsConstructor
class AccessReviewsApi {

    /** An account with the person it is matched to; {@code unmatched} when nobody holds it in the roster. */
    record AccountView(Account account, String personEmail, boolean linkedByHand, boolean unmatched) {
    }

    record Link(String accountId, String personEmail) {
    }

    record BulkKeep(List<UUID> itemIds, String comment) {
    }

    record Closure(String note) {
    }

    record ExceptionRequest(String note, LocalDate until) {
    }

    private final Systems systems;
    private final AccountCollection collection;
    private final AccountMatching matching;
    private final Campaigns campaigns;
    private final Decisions decisions;
    private final RemediationTasks tasks;
    private final ReviewerQueue queue;
    private final ReviewMail mail;

    // systems and accounts

    @GetMapping("/systems")
    @RequiresPermission(Permission.ACCESS_REVIEWS_READ)
    @Operation(summary = "The systems under review, with their source and last collection")
    List<ReviewSystem> systems(CurrentUser user) {
        return systems.list(user.workspaceId());
    }

    @PostMapping("/systems")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    @Operation(summary = "Add a system: its kind (attest, csv, postgres, mariadb, linux, ldap, scim), owner and where to read it")
    ResponseEntity<ReviewSystem> createSystem(CurrentUser user, @RequestBody(required = false) SaveSystem body) {
        ReviewSystem created = systems.create(user.workspaceId(), body == null ? empty() : body, user.actor());
        return ResponseEntity.created(URI.create("/api/v1/access-reviews/systems/" + created.id())).body(created);
    }

    @GetMapping("/systems/{id}")
    @RequiresPermission(Permission.ACCESS_REVIEWS_READ)
    @Operation(summary = "One system")
    ReviewSystem system(CurrentUser user, @PathVariable UUID id) {
        return systems.get(user.workspaceId(), id);
    }

    @PutMapping("/systems/{id}")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    @Operation(summary = "Change a system; fields left out keep their value, secrets left out stay as stored")
    ReviewSystem updateSystem(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) SaveSystem body) {
        return systems.update(user.workspaceId(), id, body == null ? new SaveSystem(null, null, null, null, null, null, null) : body,
                user.actor());
    }

    @DeleteMapping("/systems/{id}")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    @Operation(summary = "Delete a system and its collected accounts (campaigns keep their snapshot)")
    ResponseEntity<Void> deleteSystem(CurrentUser user, @PathVariable UUID id) {
        systems.delete(user.workspaceId(), id, user.actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/systems/{id}/collection")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    @Operation(summary = "Collect the system's accounts now; verifies its open remediation tasks")
    List<AccountView> collect(CurrentUser user, @PathVariable UUID id) {
        ReviewSystem system = systems.get(user.workspaceId(), id);
        try {
            collection.collect(user.workspaceId(), id, user.actor());
        } catch (AccountSource.SourceUnavailable e) {
            throw new SourceUnreachableException(system.name(), e.getMessage());
        }
        return accounts(user, id);
    }

    @GetMapping("/systems/{id}/accounts")
    @RequiresPermission(Permission.ACCESS_REVIEWS_READ)
    @Operation(summary = "The system's accounts as last collected, each matched to a person or flagged unmatched")
    List<AccountView> accounts(CurrentUser user, @PathVariable UUID id) {
        ReviewSystem system = systems.get(user.workspaceId(), id);
        return matching.current(user.workspaceId(), id, system.name()).stream()
                .map(m -> new AccountView(m.account(), m.person() == null ? null : m.person().email(), m.linkedByHand(), m.person() == null))
                .toList();
    }

    @PostMapping("/systems/{id}/accounts.csv")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    @Operation(summary = "Upload a CSV system's accounts (preview=true only checks); any error imports nothing and names row and column")
    ResponseEntity<?> upload(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) String csv,
                             @RequestParam(defaultValue = "false") boolean preview) {
        CsvAccounts.Parsed parsed = collection.upload(user.workspaceId(), id, csv, preview, user.actor());
        if (!parsed.valid()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    parsed.errors().size() + " error(s) in the file; nothing was imported");
            problem.setTitle("Invalid account list");
            problem.setType(URI.create("https://attest.dev/problems/invalid-account-list"));
            problem.setProperty("errors", parsed.errors());
            return ResponseEntity.badRequest().body(problem);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accounts", parsed.accounts().size());
        body.put("imported", !preview);
        body.put("preview", parsed.accounts());
        return ResponseEntity.ok(body);
    }

    @PostMapping("/systems/{id}/links")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    @Operation(summary = "Link an account to a roster person by hand (personEmail empty removes the link)")
    List<AccountView> link(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Link body) {
        matching.link(user.workspaceId(), systems.row(user.workspaceId(), id), body == null ? null : body.accountId(),
                body == null ? null : body.personEmail(), user.actor());
        return accounts(user, id);
    }

    // campaigns

    @GetMapping("/campaigns")
    @RequiresPermission(Permission.ACCESS_REVIEWS_READ)
    @Operation(summary = "Every campaign, newest first")
    List<Campaign> campaigns(CurrentUser user) {
        return campaigns.list(user.workspaceId());
    }

    @PostMapping("/campaigns")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    @Operation(summary = "Create a draft campaign: name, due date, systems with their reviewer, recurrence, reviewer mode, dormancy days")
    ResponseEntity<Campaign> createCampaign(CurrentUser user, @RequestBody(required = false) CreateCampaign body) {
        Campaign created = campaigns.create(user.workspaceId(), body == null ? new CreateCampaign(null, null, null, null, null, null) : body,
                user.actor());
        return ResponseEntity.created(URI.create("/api/v1/access-reviews/campaigns/" + created.id())).body(created);
    }

    @GetMapping("/campaigns/{id}")
    @RequiresPermission(Permission.ACCESS_REVIEWS_READ)
    @Operation(summary = "One campaign")
    Campaign campaign(CurrentUser user, @PathVariable UUID id) {
        return campaigns.get(user.workspaceId(), id);
    }

    @PostMapping("/campaigns/{id}/start")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    @Operation(summary = "Start: collect every system, freeze the snapshot as evidence, email the reviewers")
    Campaign start(CurrentUser user, @PathVariable UUID id) {
        return campaigns.start(user.workspaceId(), id, user.actor());
    }

    @PostMapping("/campaigns/{id}/cancel")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    @Operation(summary = "Cancel a campaign that is not finished")
    Campaign cancel(CurrentUser user, @PathVariable UUID id) {
        return campaigns.cancel(user.workspaceId(), id, user.actor());
    }

    @GetMapping("/campaigns/{id}/accounts")
    @RequiresPermission(Permission.ACCESS_REVIEWS_READ)
    @Operation(summary = "The campaign's frozen accounts with flags, reviewer and latest decision")
    List<ReviewItem> items(CurrentUser user, @PathVariable UUID id) {
        return campaigns.items(user.workspaceId(), id);
    }

    @PostMapping("/campaigns/{id}/accounts/{itemId}/decision")
    @RequiresPermission(Permission.ACCESS_REVIEWS_DECIDE)
    @Operation(summary = "Decide about one account: keep, revoke or change (roles), with a comment; flagged accounts need one to be kept")
    ReviewItem decide(CurrentUser user, @PathVariable UUID id, @PathVariable UUID itemId, @RequestBody(required = false) Decide body) {
        return decisions.decide(user.workspaceId(), id, itemId, body == null ? new Decide(null, null, null) : body, user);
    }

    @GetMapping("/campaigns/{id}/accounts/{itemId}/history")
    @RequiresPermission(Permission.ACCESS_REVIEWS_READ)
    @Operation(summary = "Every decision recorded for the account, oldest first")
    List<DecisionRecord> history(CurrentUser user, @PathVariable UUID id, @PathVariable UUID itemId) {
        return decisions.history(user.workspaceId(), id, itemId);
    }

    @PostMapping("/campaigns/{id}/bulk-keep")
    @RequiresPermission(Permission.ACCESS_REVIEWS_DECIDE)
    @Operation(summary = "Keep several unflagged accounts at once")
    Map<String, Integer> bulkKeep(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) BulkKeep body) {
        return Map.of("kept", decisions.keepAll(user.workspaceId(), id, body == null ? null : body.itemIds(),
                body == null ? null : body.comment(), user));
    }

    @GetMapping("/campaigns/{id}/tasks")
    @RequiresPermission(Permission.ACCESS_REVIEWS_READ)
    @Operation(summary = "The campaign's remediation tasks and how each was closed")
    List<RemediationTask> tasks(CurrentUser user, @PathVariable UUID id) {
        return campaigns.tasks(user.workspaceId(), id);
    }

    @PostMapping("/tasks/{taskId}/closure")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    @Operation(summary = "Close a task by hand with a note; it stays marked unverified")
    RemediationTask close(CurrentUser user, @PathVariable UUID taskId, @RequestBody(required = false) Closure body) {
        return tasks.closeByHand(user.workspaceId(), taskId, body == null ? null : body.note(), user.actor());
    }

    @PostMapping("/tasks/{taskId}/exception")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    @Operation(summary = "Accept the access as an exception until a date (admins only)")
    RemediationTask exception(CurrentUser user, @PathVariable UUID taskId, @RequestBody(required = false) ExceptionRequest body) {
        return tasks.acceptException(user.workspaceId(), taskId, body == null ? null : body.note(), body == null ? null : body.until(), user);
    }

    @PostMapping("/reminders")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    @Operation(summary = "Send the due-date reminders now (the schedule does it daily); each campaign is reminded once")
    Map<String, Integer> remind() {
        return Map.of("sent", mail.sendReminders());
    }

    // the reviewer's own queue

    @GetMapping("/queue")
    @RequiresPermission(Permission.ACCESS_REVIEWS_DECIDE)
    @Operation(summary = "The accounts waiting for the caller's decision, flagged first")
    List<ReviewItem> queue(CurrentUser user, @RequestParam(required = false) Flag flag, @RequestParam(required = false) String system,
                           @RequestParam(defaultValue = "false") boolean undecided) {
        return queue.queue(user.workspaceId(), user.email(), new ReviewerQueue.Filter(flag, system, undecided));
    }

    private static SaveSystem empty() {
        return new SaveSystem(null, null, null, null, null, null, null);
    }
}
