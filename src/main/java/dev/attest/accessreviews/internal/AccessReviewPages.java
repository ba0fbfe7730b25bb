package dev.attest.accessreviews.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.accessreviews.Campaign;
import dev.attest.accessreviews.CampaignStateException;
import dev.attest.accessreviews.Flag;
import dev.attest.accessreviews.ReviewItem;
import dev.attest.identity.CurrentUser;
import dev.attest.web.Htmx;
import dev.attest.web.PageForms;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Pages: the campaign list with the systems, one campaign with its report (PDF, CSV), and a reviewer's queue. */
@Controller
@RequiredArgsConstructor
class AccessReviewPages {

    private final Campaigns campaigns;
    private final Systems systems;
    private final Decisions decisions;
    private final ReviewerQueue queue;
    private final AccessReviewForms forms;
    private final Clock clock;

    @GetMapping("/access-reviews")
    @RequiresPermission(Permission.ACCESS_REVIEWS_READ)
    String list(CurrentUser user, Model model) {
        prepareList(user, model, null, Map.of(), Map.of());
        return "accessreviews/list";
    }

    /** The list page; {@code failed} names the form ({@code system} or {@code campaign}) whose {@code errors} are shown. */
    private void prepareList(CurrentUser user, Model model, String failed, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("campaigns", campaigns.list(user.workspaceId()));
        model.addAttribute("systems", systems.list(user.workspaceId()));
        model.addAttribute("csvColumns", String.join(", ", CsvAccounts.COLUMNS));
        model.addAttribute("kinds", systems.targetHints());
        model.addAttribute("recurrences", Arrays.stream(dev.attest.accessreviews.Recurrence.values()).map(r -> r.wireName()).toList());
        model.addAttribute("canManage", user.can(dev.attest.identity.Permission.ACCESS_REVIEWS_MANAGE));
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
    }

    @PostMapping("/access-reviews/systems")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    String addSystem(CurrentUser user, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return PageForms.submit(() -> {
            var system = systems.create(user.workspaceId(), forms.system(form), user.actor());
            redirect.addFlashAttribute("notice", "System " + system.name() + " added");
            return "redirect:/access-reviews";
        }, errors -> {
            prepareList(user, model, "system", errors, form);
            return "accessreviews/list";
        });
    }

    @PostMapping("/access-reviews/campaigns")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    String createCampaign(CurrentUser user, @RequestParam Map<String, String> form,
                          @RequestParam(name = "system", required = false) List<String> chosen, Model model) {
        return PageForms.submit(() -> {
            Campaign created = campaigns.create(user.workspaceId(), forms.campaign(form, chosen), user.actor());
            return "redirect:/access-reviews/campaigns/" + created.id();
        }, errors -> {
            prepareList(user, model, "campaign", errors, form);
            return "accessreviews/list";
        });
    }

    @PostMapping("/access-reviews/campaigns/{id}/start")
    @RequiresPermission(Permission.ACCESS_REVIEWS_MANAGE)
    String start(CurrentUser user, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            return PageForms.submit(() -> {
                campaigns.start(user.workspaceId(), id, user.actor());
                redirect.addFlashAttribute("notice", "Campaign started: the accounts are frozen and the reviewers emailed");
                return "redirect:/access-reviews/campaigns/" + id;
            }, errors -> {
                model.addAttribute("startProblem", String.join("; ", errors.values()));
                return campaign(user, id, model);
            });
        } catch (CampaignStateException e) {
            model.addAttribute("startProblem", e.getMessage());
            return campaign(user, id, model);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GetMapping("/access-reviews/campaigns/{id}")
    @RequiresPermission(Permission.ACCESS_REVIEWS_READ)
    String campaign(CurrentUser user, @PathVariable UUID id, Model model) {
        CampaignReport report = report(user, id);
        model.addAttribute("report", report);
        model.addAttribute("duration", CampaignReport.days(report.duration()));
        model.addAttribute("medianWait", CampaignReport.days(report.medianTimeToDecision()));
        return "accessreviews/campaign";
    }

    @GetMapping("/access-reviews/campaigns/{id}/report.pdf")
    @RequiresPermission(Permission.ACCESS_REVIEWS_READ)
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"access-review-" + id + ".pdf\"")
                .body(CampaignReportPdf.render(user.workspaceName(), report(user, id)));
    }

    @GetMapping("/access-reviews/campaigns/{id}/report.csv")
    @RequiresPermission(Permission.ACCESS_REVIEWS_READ)
    ResponseEntity<byte[]> csv(CurrentUser user, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"access-review-" + id + ".csv\"")
                .body(report(user, id).csv().getBytes(StandardCharsets.UTF_8));
    }

    private CampaignReport report(CurrentUser user, UUID id) {
        Campaign campaign = campaigns.get(user.workspaceId(), id);
        return CampaignReport.of(campaign, campaigns.items(user.workspaceId(), id), campaigns.tasks(user.workspaceId(), id), clock.instant());
    }

    @GetMapping("/access-reviews/queue")
    @RequiresPermission(Permission.ACCESS_REVIEWS_DECIDE)
    String queue(CurrentUser user, HttpServletRequest request, Model model, @RequestParam(required = false) String flag,
                 @RequestParam(required = false) String system, @RequestParam(defaultValue = "false") boolean undecided) {
        Map<String, String> errors = new TreeMap<>();
        ReviewerQueue.Filter filter = new ReviewerQueue.Filter(forms.flag(flag, errors), system, undecided);
        List<ReviewItem> items = queue.queue(user.workspaceId(), user.email(), filter);
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
        }
        model.addAttribute("items", items);
        model.addAttribute("filter", filter);
        model.addAttribute("flags", Arrays.stream(Flag.values()).map(Flag::wireName).toList());
        model.addAttribute("systemNames", items.stream().map(ReviewItem::systemName).distinct().sorted().toList());
        model.addAttribute("unflagged", items.stream().filter(i -> !i.flagged() && i.decision() == null).toList());
        return Htmx.view(request, "accessreviews/queue", "queue");
    }

    @PostMapping("/access-reviews/queue/decision")
    @RequiresPermission(Permission.ACCESS_REVIEWS_DECIDE)
    String decide(CurrentUser user, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return onQueue(redirect, () -> {
            AccessReviewForms.QueueDecision decision = forms.decision(form);
            decisions.decide(user.workspaceId(), decision.campaignId(), decision.itemId(), decision.decide(), user);
            return "Decision recorded";
        }, errors -> errors.entrySet().stream().map(x -> x.getKey() + ": " + x.getValue()).collect(Collectors.joining("; ")));
    }

    @PostMapping("/access-reviews/queue/bulk-keep")
    @RequiresPermission(Permission.ACCESS_REVIEWS_DECIDE)
    String bulkKeep(CurrentUser user, @RequestParam(name = "item", required = false) List<String> selected, RedirectAttributes redirect) {
        try {
            return onQueue(redirect, () -> {
                int kept = 0;
                for (Map.Entry<UUID, List<UUID>> e : forms.keep(selected).entrySet()) {
                    kept += decisions.keepAll(user.workspaceId(), e.getKey(), e.getValue(), null, user);
                }
                return kept + " account(s) kept";
            }, errors -> String.join("; ", errors.values()));
        } catch (org.springframework.security.access.AccessDeniedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/access-reviews/queue";
        }
    }

    /**
     * Runs a reviewer's change from the queue and goes back to it, with the notice the change gives
     * or the problem in words: refused fields as {@code problem} words them, a refused state as it is.
     */
    private static String onQueue(RedirectAttributes redirect, Supplier<String> change, Function<Map<String, String>, String> problem) {
        try {
            return PageForms.submit(() -> {
                redirect.addFlashAttribute("notice", change.get());
                return "redirect:/access-reviews/queue";
            }, errors -> {
                redirect.addFlashAttribute("problem", problem.apply(errors));
                return "redirect:/access-reviews/queue";
            });
        } catch (CampaignStateException | SelfReviewException | dev.attest.web.NotFoundException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/access-reviews/queue";
        }
    }
}
