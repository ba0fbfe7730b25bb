package dev.attest.obligations.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.obligations.CalendarEntry;
import dev.attest.obligations.RecurringDuty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The obligations calendar, the recurring duties and the calendar feed through the API. */
@RestController
@RequestMapping("/api/v1/obligations")
@Tag(name = "Obligations", description = "Every duty and deadline across modules, recurring duties, iCalendar feed")
@RequiredArgsConstructor
class ObligationsApi {

    record NewDuty(String kind, String title, String owner, String firstDue) {
    }

    record Settings(Integer reminderDays) {
    }

    private final ObligationsCalendar calendar;
    private final RecurringDuties duties;
    private final CalendarFeeds feeds;
    private final ObligationForms forms;

    @GetMapping
    @RequiresPermission(Permission.OBLIGATIONS_READ)
    @Operation(summary = "Every open obligation, soonest first; overdue ones flagged")
    List<CalendarEntry> calendar(CurrentUser user, @RequestParam(required = false) Boolean mine) {
        return calendar.entries(user.workspaceId()).stream()
                .filter(e -> !Boolean.TRUE.equals(mine) || user.email().equalsIgnoreCase(e.obligation().owner())).toList();
    }

    @GetMapping("/duties")
    @RequiresPermission(Permission.OBLIGATIONS_READ)
    @Operation(summary = "The recurring duties of the workspace")
    List<RecurringDuty> duties(CurrentUser user) {
        return duties.duties(user.workspaceId());
    }

    @PostMapping("/duties")
    @RequiresPermission(Permission.OBLIGATIONS_WRITE)
    @Operation(summary = "Schedule a recurring duty of one of the kinds (access-review, penetration-test, bcp-dr-test, backup-restore-test, firewall-rule-review...; an unknown kind is a 400 listing them all)")
    ResponseEntity<RecurringDuty> schedule(CurrentUser user, @RequestBody(required = false) NewDuty body) {
        NewDuty in = body == null ? new NewDuty(null, null, null, null) : body;
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(duties.schedule(user.workspaceId(), forms.schedule(user.workspaceId(), in.kind(), in.title(), in.owner(), in.firstDue()),
                        user.actor()));
    }

    @PostMapping("/duties/{id}/completion")
    @RequiresPermission(Permission.OBLIGATIONS_WRITE)
    @Operation(summary = "Mark a recurring duty done: it rolls to its next due date")
    RecurringDuty complete(CurrentUser user, @PathVariable UUID id) {
        return duties.complete(user.workspaceId(), id, user.actor());
    }

    @GetMapping("/settings")
    @RequiresPermission(Permission.OBLIGATIONS_READ)
    @Operation(summary = "How many days before a due date owners are reminded by email")
    Settings settings(CurrentUser user) {
        return new Settings(duties.reminderDays(user.workspaceId()));
    }

    @org.springframework.web.bind.annotation.PutMapping("/settings")
    @RequiresPermission(Permission.OBLIGATIONS_WRITE)
    @Operation(summary = "Set how many days before a due date owners are reminded (0 to 90)")
    Settings configure(CurrentUser user, @RequestBody(required = false) Settings body) {
        return new Settings(duties.setReminderDays(user.workspaceId(), forms.reminderLeadTime(body == null ? null : body.reminderDays()),
                user.actor()));
    }

    @PostMapping("/feed")
    @RequiresPermission(Permission.OBLIGATIONS_READ)
    @Operation(summary = "Issue the caller's iCalendar feed URL (the previous one stops working)")
    Map<String, String> feed(CurrentUser user) {
        String token = feeds.issue(user.workspaceId(), user.email());
        return Map.of("url", feeds.url(token));
    }
}
