package dev.attest.obligations.internal;

import dev.attest.identity.Member;
import dev.attest.identity.Permission;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.obligations.CalendarEntry;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The iCalendar feed, for calendar apps that cannot sign in: the secret token in the URL names the
 * user. A person sees the obligations they own; one who manages obligations sees them all. A token
 * whose user has left the workspace stops working.
 */
@RestController
@RequiredArgsConstructor
class CalendarFeedController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;
    private final ObligationsCalendar calendar;
    private final RecurringDuties duties;
    private final WorkspaceMembers members;

    @GetMapping("/obligations/calendar/{token}.ics")
    @PreAuthorize("permitAll()")
    ResponseEntity<String> feed(@PathVariable String token) {
        CalendarFeeds.Subscriber subscriber = feeds.subscriber(token).orElseThrow(() -> new NotFoundException("No such feed"));
        Member member = members.memberByEmail(subscriber.workspace(), subscriber.email())
                .orElseThrow(() -> new NotFoundException("No such feed"));
        boolean all = member.role().permissions().contains(Permission.OBLIGATIONS_WRITE);
        List<CalendarEntry> entries = calendar.entries(subscriber.workspace()).stream()
                .filter(e -> all || member.email().equalsIgnoreCase(e.obligation().owner())).toList();
        String base = feeds.base();
        String body = IcsCalendar.write("Attest obligations", entries, duties.zone(), calendar.now(), base);
        return ResponseEntity.ok().contentType(CALENDAR).header("Cache-Control", "private, max-age=300").body(body);
    }
}
