package dev.attest.obligations.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.CalendarEntry;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import dev.attest.obligations.DutyKind;
import dev.attest.obligations.RecurringDuty;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offers every open obligation on the calendar to monitoring as {@code obligations.obligation}, and
 * every kind of recurring duty as {@code obligations.duty}: one per scheduled duty, or one marked
 * unscheduled, so that a check on a duty fails when nobody scheduled it rather than passing on nothing.
 */
@Component
@RequiredArgsConstructor
class ObligationResources implements ResourceSource {

    static final String TYPE = "obligations.obligation";
    static final String DUTY = "obligations.duty";

    private final ObligationsCalendar calendar;
    private final RecurringDuties duties;
    private final Clock clock;

    @Override
    public Set<String> types() {
        return Set.of(TYPE, DUTY);
    }

    @Override
    public List<Resource> resources(WorkspaceId workspace) {
        List<Resource> resources = new ArrayList<>(calendar.entries(workspace).stream().map(ObligationResources::resource).toList());
        Map<DutyKind, List<RecurringDuty>> byKind = new EnumMap<>(DutyKind.class);
        for (RecurringDuty duty : duties.duties(workspace)) {
            byKind.computeIfAbsent(duty.kind(), k -> new ArrayList<>()).add(duty);
        }
        Instant now = clock.instant();
        for (DutyKind kind : DutyKind.values()) {
            List<RecurringDuty> scheduled = byKind.getOrDefault(kind, List.of());
            if (scheduled.isEmpty()) {
                resources.add(new Resource(DUTY, kind.wireName() + ":unscheduled",
                        Map.of("kind", kind.wireName(), "title", kind.title(), "scheduled", false, "overdue", false)));
            }
            for (RecurringDuty duty : scheduled) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("kind", kind.wireName());
                data.put("title", duty.title());
                data.put("scheduled", true);
                if (duty.owner() != null) {
                    data.put("owner", duty.owner());
                }
                Instant dueAt = duties.endOf(duty.nextDue());
                data.put("dueAt", dueAt.toString());
                data.put("overdue", !now.isBefore(dueAt));
                if (duty.lastDoneAt() != null) {
                    data.put("lastDoneAt", duty.lastDoneAt().toString());
                    data.put("lastDoneBy", duty.lastDoneBy());
                }
                resources.add(new Resource(DUTY, duty.id().toString(), data));
            }
        }
        return resources;
    }

    static Resource resource(CalendarEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", entry.obligation().kind());
        data.put("title", entry.obligation().title());
        if (entry.obligation().owner() != null) {
            data.put("owner", entry.obligation().owner()); // absent rather than null: checks test has(resource.owner)
        }
        data.put("due", entry.obligation().due().toString());
        data.put("module", entry.source());
        data.put("path", entry.obligation().path());
        data.put("overdue", entry.overdue());
        return new Resource(TYPE, entry.obligation().id(), data);
    }
}
