package dev.attest.obligations.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.obligations.DutyKind;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.UUID;

/** The obligations calendar page: every obligation with overdue ones marked, the recurring duties, the feed. */
@Controller
@RequiredArgsConstructor
class ObligationPages {

    private final ObligationsCalendar calendar;
    private final RecurringDuties duties;
    private final CalendarFeeds feeds;
    private final WorkspaceMembers members;
    private final ObligationForms forms;

    @GetMapping("/obligations")
    @RequiresPermission(Permission.OBLIGATIONS_READ)
    String page(CurrentUser user, HttpServletRequest request, Model model, @RequestParam(required = false) String show,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String state) {
        prepare(user, model, show, kind, "overdue".equals(state));
        model.addAttribute("form", Map.of());
        return Htmx.view(request, "obligations/calendar", "calendar");
    }

    private void prepare(CurrentUser user, Model model, String show) {
        prepare(user, model, show, null, false);
    }

    // The dashboard links each overdue count here, narrowed to its kind, so the list shows exactly what was counted.
    private void prepare(CurrentUser user, Model model, String show, String kind, boolean overdueOnly) {
        boolean mine = "mine".equals(show);
        String onlyKind = kind == null || kind.isBlank() ? null : kind;
        var entries = calendar.entries(user.workspaceId()).stream()
                .filter(e -> !mine || user.email().equalsIgnoreCase(e.obligation().owner()))
                .filter(e -> onlyKind == null || onlyKind.equals(e.obligation().kind()))
                .filter(e -> !overdueOnly || e.overdue()).toList();
        model.addAttribute("narrowed", onlyKind != null || overdueOnly);
        model.addAttribute("narrowedKind", onlyKind);
        model.addAttribute("narrowedOverdue", overdueOnly);
        model.addAttribute("entries", entries);
        model.addAttribute("overdueCount", entries.stream().filter(e -> e.overdue()).count());
        model.addAttribute("show", mine ? "mine" : "all");
        model.addAttribute("duties", duties.duties(user.workspaceId()));
        model.addAttribute("kinds", DutyKind.values());
        model.addAttribute("members", members.members(user.workspaceId()));
        model.addAttribute("zone", duties.zone());
        model.addAttribute("canWrite", user.can(Permission.OBLIGATIONS_WRITE));
        model.addAttribute("hasFeed", feeds.has(user.workspaceId(), user.email()));
    }

    @PostMapping("/obligations/duties")
    @RequiresPermission(Permission.OBLIGATIONS_WRITE)
    String schedule(CurrentUser user, Model model, @RequestParam Map<String, String> form) {
        try {
            duties.schedule(user.workspaceId(), forms.schedule(user.workspaceId(), form.get("kind"), form.get("title"), form.get("owner"),
                    form.get("firstDue")), user.actor());
            return "redirect:/obligations";
        } catch (InvalidFieldException e) {
            prepare(user, model, null);
            model.addAttribute("form", form);
            model.addAttribute("errors", e.errors());
            return "obligations/calendar";
        }
    }

    @PostMapping("/obligations/duties/{id}/completion")
    @RequiresPermission(Permission.OBLIGATIONS_WRITE)
    String complete(CurrentUser user, @PathVariable UUID id) {
        duties.complete(user.workspaceId(), id, user.actor());
        return "redirect:/obligations";
    }

    @PostMapping("/obligations/feed")
    @RequiresPermission(Permission.OBLIGATIONS_READ)
    String feed(CurrentUser user, Model model) {
        String token = feeds.issue(user.workspaceId(), user.email());
        prepare(user, model, null);
        model.addAttribute("form", Map.of());
        model.addAttribute("feedUrl", feeds.url(token));
        return "obligations/calendar";
    }
}
